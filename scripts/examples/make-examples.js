#!/usr/bin/env node
// Regenerate examples/*.xlsx from test/fixtures/cases (the project's own copy of the cases).
// Needs scripts/examples/examples.ts compiled into .scripts-out: `npm run examples` does both.
/* global require, process, __dirname */
"use strict";
const path = require("node:path");
const root = path.resolve(__dirname, "..", "..");
const { writeExamples } = require(path.join(root, ".scripts-out", "scripts", "examples", "examples.js"));

writeExamples(path.join(root, "examples"), path.join(root, "test", "fixtures", "cases")).then(
  (files) => {
    for (const f of files) process.stdout.write(`Skrevet: ${path.relative(root, f)}\n`);
  },
  (e) => {
    process.stderr.write(`fejl: ${e && e.message ? e.message : e}\n`);
    process.exitCode = 1;
  },
);
