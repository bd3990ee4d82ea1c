/**
 * For the browser test: builds the production task pane and the browser fake of Office with
 * webpack's Node API, and serves a folder on 127.0.0.1 from a tiny http server.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import webpack from "webpack";

export const ROOT = path.join(__dirname, "..", "..");
export const OUT = path.join(ROOT, "test-output");

function runWebpack(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? "webpack failed"));
      resolve(stats);
    }),
  );
}

/** The production bundle (webpack.config.js, mode production) into test-output/pane-dist. */
export async function buildPane(): Promise<string> {
  const dir = path.join(OUT, "pane-dist");
  const make = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<webpack.Configuration>;
  const config = await make({}, { mode: "production" });
  config.mode = "production";
  config.context = ROOT;
  config.output = { ...config.output, path: dir };
  config.infrastructureLogging = { level: "error" };
  await runWebpack(config);
  return dir;
}

/** test/fakes/officeFakeBrowser.ts as one script, to serve in place of office.js. */
export async function buildFakeOffice(): Promise<string> {
  const dir = path.join(OUT, "fake-office");
  await runWebpack({
    mode: "production",
    context: ROOT,
    entry: path.join(ROOT, "test", "fakes", "officeFakeBrowser.ts"),
    output: { path: dir, filename: "office.js" },
    devtool: false,
    target: "web",
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "bundler" } },
          },
        },
      ],
    },
    infrastructureLogging: { level: "error" },
  });
  return fs.readFileSync(path.join(dir, "office.js"), "utf8");
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves `dir` on http://127.0.0.1:<free port>. */
export async function serve(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
