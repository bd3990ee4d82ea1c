/**
 * The `beregn` command line (bin/beregn.js runs the compiled lib/cli/main.js). A thin host:
 * parse the arguments, call the command, print. User errors are one line and exit 2; anything
 * unexpected is one line, "intern fejl", exit 3 — never a stack trace.
 */
import { InputError } from "../engine";
import { FileRefusal } from "../xlsx/errors";
import { parseCommand } from "./args";
import { inputErrorLine, runJson } from "./commands/json";
import { EXIT, UsageError } from "./errors";
import { HELP } from "./help";
import { type Output, processOutput } from "./io";
import { packageVersion } from "./version";

/** The file a command is about, for "fejl: <fil>: …" lines. */
function subject(argv: string[]): string | undefined {
  try {
    const c = parseCommand(argv);
    return c.kind === "beregn" || c.kind === "json" || c.kind === "skabelon" || c.kind === "folsomhed" || c.kind === "retTal"
      ? c.file
      : undefined;
  } catch {
    return undefined;
  }
}

export async function main(argv: string[], io: Output = processOutput): Promise<number> {
  try {
    const cmd = parseCommand(argv);
    switch (cmd.kind) {
      case "help":
        io.out(HELP);
        return EXIT.ok;
      case "version":
        io.out(packageVersion());
        return EXIT.ok;
      case "json":
        return runJson(cmd.file, cmd.options, io);
      // the workbook commands load ExcelJS (a quarter of a second): only when they run
      case "beregn":
        return await (await import("./commands/beregn")).runBeregn(cmd.file, cmd.options, io);
      case "valider":
        return await (await import("./commands/valider")).runValider(cmd.paths, cmd.options, io);
      case "skabelon":
        return await (await import("./commands/skabelon")).runSkabelon(cmd.file, cmd.options, io);
      case "retTal":
        return await (await import("./commands/retTal")).runRetTal(cmd.file, cmd.options, io);
      case "folsomhed":
        return await (await import("./commands/folsomhed")).runFolsomhed(cmd.file, cmd.options, io);
      case "omregn":
        return (await import("./commands/omregn")).runOmregn(cmd.what, cmd.amount, cmd.options, io);
      case "katalog":
        return await (await import("./commands/katalog")).runKatalog(cmd.paths, cmd.options, io);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`fejl: ${e.message}`);
      return EXIT.input;
    }
    if (e instanceof FileRefusal) {
      const file = subject(argv);
      io.err(`fejl: ${file ? file + ": " : ""}${e.message}`);
      return EXIT.input;
    }
    if (e instanceof InputError) {
      io.err(inputErrorLine(e));
      return EXIT.input;
    }
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    io.err(`fejl: intern fejl: ${why}`);
    if (process.env.BEREGN_DEBUG && e instanceof Error) io.err(e.stack ?? "");
    return EXIT.internal;
  }
}

/** Entry point for bin/beregn.js. */
export function run(): void {
  // `beregn valider mappe | head`: the reader left; stop quietly, as Unix tools do
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.stderr.write("fejl: intern fejl\n");
      process.exitCode = EXIT.internal;
    },
  );
}

if (require.main === module) run();
