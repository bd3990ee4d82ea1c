#!/usr/bin/env node
// The `beregn` command: runs the compiled CLI (npm run build:cli compiles src/ into lib/).
/* global require, process */
"use strict";
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && /lib[\\/]cli[\\/]main/.test(String(e.message))) {
    process.stderr.write("fejl: beregn er ikke bygget; kør npm run build:cli\n");
    process.exit(3);
  }
  throw e;
}
cli.run();
