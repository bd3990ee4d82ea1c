/**
 * Run the compiled CLI as a user would: `node bin/beregn.js …` on lib/, built once per jest run
 * (tsc -p tsconfig.cli.json). Jest's workers share a parent process, so its pid keys the build;
 * a lock directory makes the other workers wait for the first one's build.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const BIN = path.join(ROOT, "bin", "beregn.js");
const STATE = path.join(ROOT, "test-output");

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function ensureBuilt(): void {
  fs.mkdirSync(STATE, { recursive: true });
  const key = `cli-build-${process.ppid}`;
  const done = path.join(STATE, `${key}.done`);
  const lock = path.join(STATE, `${key}.lock`);
  if (fs.existsSync(done)) return;
  // markers of earlier runs (another parent pid) are stale: clear those older than an hour
  for (const f of fs.readdirSync(STATE))
    if (/^cli-build-\d+\.done$/.test(f) && Date.now() - fs.statSync(path.join(STATE, f)).mtimeMs > 3_600_000)
      fs.rmSync(path.join(STATE, f), { force: true });
  try {
    fs.mkdirSync(lock);
  } catch {
    // another worker builds: wait for it
    for (let i = 0; i < 1200 && !fs.existsSync(done); i++) sleep(100);
    if (!fs.existsSync(done)) throw new Error("the CLI build of another worker did not finish");
    const failed = fs.readFileSync(done, "utf8");
    if (failed) throw new Error(failed);
    return;
  }
  let error = "";
  try {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.cli.json"], {
      cwd: ROOT,
      stdio: "pipe",
    });
  } catch (e) {
    const out = (e as { stdout?: Buffer }).stdout?.toString() ?? String(e);
    error = `tsc -p tsconfig.cli.json failed:\n${out}`;
    // tsc emits despite type errors; BEREGN_LENIENT_BUILD=1 runs the tests on that output anyway
    if (process.env.BEREGN_LENIENT_BUILD === "1" && fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) {
      process.stderr.write(error + "\n");
      error = "";
    }
  }
  fs.writeFileSync(done, error);
  fs.rmSync(lock, { recursive: true, force: true });
  if (error) throw new Error(error);
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Non-empty lines. */
  out: string[];
  err: string[];
}

export function beregn(args: string[], cwd = ROOT): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  const lines = (s: string): string[] => s.split("\n").filter((l) => l.trim() !== "");
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: lines(r.stdout), err: lines(r.stderr) };
}

export function removeDir(dir: string | undefined): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

export function tmpDir(prefix: string): string {
  fs.mkdirSync(STATE, { recursive: true });
  return fs.mkdtempSync(path.join(STATE, prefix));
}
