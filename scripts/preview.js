#!/usr/bin/env node
/* eslint-disable no-undef */
/**
 * Shows the task pane in an ordinary browser, without Excel: builds the pane (development) and a
 * fake Office holding an example proposal from test/fixtures/cases, and serves them on
 * http://127.0.0.1:3001 with office.js replaced by the fake.
 *
 *   node scripts/preview.js            then open http://127.0.0.1:3001/taskpane.html?case=2025-BC01&layout=compact
 *
 * The fake workbook is window.__fakeWorkbook in the browser's console (toGrids(), selection).
 */
"use strict";
const fs = require("fs");
const http = require("http");
const path = require("path");
const webpack = require("webpack");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "test-output", "preview");
const PORT = Number(process.env.PORT || 3001);
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function run(config) {
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => (err || stats.hasErrors() ? reject(err || new Error(stats.toString("errors-only"))) : resolve())),
  );
}

async function main() {
  const pane = await require(path.join(ROOT, "webpack.config.js"))({}, { mode: "development" });
  pane.mode = "development";
  pane.output = { ...pane.output, path: path.join(OUT, "pane") };
  const tsRule = {
    test: /\.ts$/,
    exclude: /node_modules/,
    use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } } },
  };
  const fake = {
    mode: "development",
    devtool: false,
    context: ROOT,
    entry: path.join(ROOT, "test", "fakes", "preview.ts"),
    output: { path: path.join(OUT, "fake"), filename: "office.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [tsRule] },
  };
  console.log("Bygger ruden og den falske Office …");
  await Promise.all([run(pane), run(fake)]);
  const html = fs.readFileSync(path.join(OUT, "pane", "taskpane.html"), "utf8").replace(OFFICE_JS, "/fake-office.js");
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    if (url.pathname === "/taskpane.html") return res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
    const file =
      url.pathname === "/fake-office.js" ? path.join(OUT, "fake", "office.js") : path.join(OUT, "pane", path.normalize(url.pathname));
    if (!file.startsWith(OUT) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": file.endsWith(".js") ? "application/javascript" : "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  server.listen(PORT, "127.0.0.1", () =>
    console.log(`Åbn http://127.0.0.1:${PORT}/taskpane.html?case=2025-F4&layout=standard  (Ctrl+C stopper)`),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
