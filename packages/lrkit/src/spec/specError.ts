/**
 * The error of `fromSpec` and `parseSchedule`: where in the spec the problem is, and what was expected.
 *
 * @module
 */

/**
 * A spec that cannot be built. `path` locates the problem in the JSON (`$.schedules[1].steps`);
 * for the text syntax `line` and `column` locate it in the text too. `cause` is the factory's own
 * RangeError or TypeError when there is one.
 */
export class SpecError extends Error {
  override name = "SpecError";
  /**
   * @param path - the JSON path of the problem.
   * @param reason - what was wrong.
   * @param options - the position in a text spec, and the underlying error.
   */
  constructor(
    readonly path: string,
    readonly reason: string,
    options: { cause?: unknown; line?: number; column?: number } = {},
  ) {
    const where =
      options.column === undefined ? path : `${path} (line ${options.line ?? 1}, column ${options.column})`;
    super(`spec error at ${where}: ${reason}`, options.cause === undefined ? {} : { cause: options.cause });
    this.line = options.line;
    this.column = options.column;
  }
  /** 1-based line in a text spec, when known. */
  readonly line: number | undefined;
  /** 1-based column in a text spec, when known. */
  readonly column: number | undefined;
}
