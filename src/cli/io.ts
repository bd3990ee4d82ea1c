/** Where the CLI writes: stdout for results, stderr for errors and notes. Swappable in tests. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
  /** Columns to wrap to when stdout is a terminal; undefined when piped (one line per finding). */
  width?: number;
}

export const processOutput: Output = {
  out: (line) => process.stdout.write(line + "\n"),
  err: (line) => process.stderr.write(line + "\n"),
  // readable in 80 columns on a terminal, whatever its width; piped output stays one line each
  width: process.stdout.isTTY ? Math.min(process.stdout.columns || 80, 80) : undefined,
};
