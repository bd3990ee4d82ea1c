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

/** Newest modification time of the files a build depends on. */
function newestInput(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package-lock.json"]) {
    const full = path.join(ROOT, p);
    if (fs.existsSync(full)) walk(full);
  }
  return newest;
}

/**
 * The production bundle: dist/ when a production build there is newer than every source, else
 * built now (webpack.config.js, mode production) into test-output/pane-dist.
 */
export async function buildPane(): Promise<string> {
  const dist = path.join(ROOT, "dist");
  const js = path.join(dist, "taskpane.js");
  const html = path.join(dist, "taskpane.html");
  if (fs.existsSync(js) && fs.existsSync(html)) {
    const built = Math.min(fs.statSync(js).mtimeMs, fs.statSync(html).mtimeMs);
    // a development build has eval-free source maps too, but is not minified: only reuse a production one
    const production = !fs.readFileSync(js, "utf8").slice(0, 2000).includes("webpackBootstrap");
    if (production && built > newestInput()) return dist;
  }
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
