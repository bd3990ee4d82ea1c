/** Exit codes and the user errors the CLI reports in one line, never with a stack trace. */

export const EXIT = {
  /** Done (beregn/json/skabelon), or no error findings (valider). */
  ok: 0,
  /** valider: at least one finding of severity error. */
  findings: 1,
  /** The input cannot be read, or the command cannot be carried out as asked; nothing written. */
  input: 2,
  /** A bug: one line and "intern fejl". */
  internal: 3,
} as const;

/** Wrong use of the command line, or a request refused to protect the user's files. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
