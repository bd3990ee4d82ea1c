/* eslint-disable no-undef */
/**
 * Builds the task pane (dist/taskpane.html + taskpane.js) and dist/manifest.xml.
 *
 *   npm run build                                   production bundle, manifest for https://localhost:3000/
 *   ADDIN_URL=https://addin.kk.dk/beregn/ npm run build   manifest rewritten for the hosting URL
 *   npm run dev-server                              https://localhost:3000 with office-addin-dev-certs
 *
 * Layout follows Microsoft's Office-Addin-TaskPane-React template. Why some settings are as they
 * are (TOOLCHAIN.md): ts-loader gets module esnext so webpack can drop unused Fluent icons (17 MB
 * bundle otherwise); no eval devtool, because the page's CSP has no 'unsafe-eval'.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";

/** The hosting URL of a production build, always with a trailing slash. */
function addinUrl() {
  const raw = process.env.ADDIN_URL;
  if (!raw) return DEV_URL;
  const url = new URL(raw); // throws on a malformed ADDIN_URL: better than a broken manifest
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL skal bruge https: ${raw}`);
  return url.href.endsWith("/") ? url.href : url.href + "/";
}

/** Rewrites the dev server's URLs in the manifest into the hosting URL. */
function rewriteManifest(content, url) {
  const origin = new URL(url).origin;
  return content.toString().split(DEV_URL).join(url).split(DEV_ORIGIN).join(origin);
}

async function httpsOptions() {
  // Only the dev server needs certificates; a build must not depend on them.
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (err) {
    // Where trusting the CA fails (no sudo, TOOLCHAIN.md) the certificates are still generated:
    // serve with them; the browser or Office must then trust ca.crt by hand.
    const fs = require("fs");
    const d = require("office-addin-dev-certs/lib/defaults");
    if (!fs.existsSync(d.localhostCertificatePath)) throw err;
    console.warn(`office-addin-dev-certs: ${err.message.split("\n")[0]}; bruger certifikaterne i ${d.certificateDirectory} alligevel.`);
    return {
      ca: fs.readFileSync(d.caCertificatePath),
      cert: fs.readFileSync(d.localhostCertificatePath),
      key: fs.readFileSync(d.localhostKeyPath),
    };
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const url = dev ? DEV_URL : addinUrl();
  const config = {
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // type checking is `npm run typecheck`; the bundle only needs the JavaScript
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "bundler", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/support.html", to: "support.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => rewriteManifest(content, url),
          },
        ],
      }),
    ],
    performance: {
      // Fluent UI and React make a few hundred KiB; warn only when it grows past 1 MiB
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env && env.WEBPACK_SERVE ? await httpsOptions() : {} },
      port: process.env.npm_package_config_dev_server_port || 3000,
      hot: false,
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
  return config;
};

module.exports.rewriteManifest = rewriteManifest;
