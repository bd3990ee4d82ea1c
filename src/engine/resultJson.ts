import type { Result } from "./result";
export type ResultJson = Record<string, unknown>;
export function resultToJson(result: Result): ResultJson {
  void result;
  throw new Error("not yet");
}
