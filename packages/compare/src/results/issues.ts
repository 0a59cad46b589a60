/**
 * Problems of a results file, each at a JSON path (`$.runs[1].epochs[3].metrics.loss`) and told in
 * one line: what the schema, the consistency checks and the JSON reader find.
 *
 * @module
 */
import type * as z from "zod";

/** One problem of a results file. */
export interface ResultsIssue {
  /** Where: a JSON path from the file's root `$`, e.g. `$.runs[1].epochs[3].metrics.loss`. */
  readonly path: string;
  /** What is wrong there, with the value found. */
  readonly message: string;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The JSON path of `keys` below `root`: `.name` for a key that is an identifier, `["a key"]` for
 * any other, `[3]` for an index.
 *
 * @example
 * ```ts
 * jsonPath(["runs", 1, "epochs", 3, "metrics", "loss"]); // "$.runs[1].epochs[3].metrics.loss"
 * ```
 */
export function jsonPath(keys: readonly PropertyKey[], root = "$"): string {
  return (
    root +
    keys
      .map((k) =>
        typeof k === "number"
          ? `[${k}]`
          : IDENTIFIER.test(String(k))
            ? `.${String(k)}`
            : `[${JSON.stringify(String(k))}]`,
      )
      .join("")
  );
}

/**
 * A value as a message shows it, short and on one line: strings quoted (cut after 40 characters),
 * numbers as written (`Infinity` too), lists and objects by their kind.
 */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
  if (value === undefined) return "nothing";
  if (value !== null && typeof value === "object") return "an object";
  return String(value);
}

/** zod's message without its generic lead ("Invalid input: ", "Too small: ", ...). */
const plain = (message: string) => message.replace(/^(Invalid [a-z]+|Too (small|big)): /, "");

/**
 * A zod issue (parsed with `reportInput: true`) as a {@link ResultsIssue}: an unknown field at its
 * own path, a missing one said so, and every other problem with the value found.
 */
export function schemaIssue(issue: z.core.$ZodIssue): ResultsIssue {
  const input = (issue as { input?: unknown }).input;
  if (issue.code === "unrecognized_keys")
    return {
      path: jsonPath([...issue.path, issue.keys[0]!]),
      message:
        issue.keys.length === 1
          ? "not a field of this format"
          : `not a field of this format, nor ${issue.keys.slice(1).map(describeValue).join(", ")}`,
    };
  const message = issue.code === "invalid_type" ? `expected ${issue.expected}` : plain(issue.message);
  // JSON holds no undefined: an undefined value is a field the file does not have.
  return {
    path: jsonPath(issue.path),
    message: input === undefined ? `missing (${message})` : `${message}, got ${describeValue(input)}`,
  };
}
