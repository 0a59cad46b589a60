/**
 * A spec box's text, checked: the schedule it builds, or where and why it does not.
 *
 * @module
 */
import {
  isSpec,
  parseSchedule,
  parseSpec,
  SpecError,
  SpecSyntaxError,
  type Schedule,
  type ScheduleSpec,
} from "lrkit";

/** Why a spec text gives no schedule. */
export interface SpecProblem {
  /** The whole message, as lrkit words it (`spec error at $.steps (line 1, column 21): ...`). */
  readonly message: string;
  /** The JSON path of the offending value, for a spec that parses but does not build. */
  readonly path?: string;
  /** The reason alone, without the position (shown next to the form field). */
  readonly reason: string;
  /** 1-based line and column in the text, when known. */
  readonly line?: number;
  readonly column?: number;
}

/** The outcome of a spec text: the spec when it parses, the schedule when it builds, or the problem. */
export type Evaluation =
  | { readonly ok: true; readonly spec: ScheduleSpec; readonly schedule: Schedule }
  | { readonly ok: false; readonly spec?: ScheduleSpec; readonly problem: SpecProblem };

/** Whether a spec text is JSON (else it is the text syntax). */
export const isJsonText = (text: string): boolean => /^\s*\{/.test(text);

/**
 * Parses and builds a spec text (JSON or the text syntax).
 *
 * @example
 * ```ts
 * evaluate("cosine(lr=0.3, steps=0)"); // { ok: false, spec, problem: { path: "$.steps", column: 21, ... } }
 * ```
 */
export function evaluate(text: string): Evaluation {
  let spec: ScheduleSpec;
  try {
    spec = parseSpec(text);
  } catch (e) {
    if (e instanceof SpecSyntaxError) {
      return {
        ok: false,
        problem: { message: e.message, reason: e.reason, line: e.line, column: e.column },
      };
    }
    if (e instanceof SpecError) return { ok: false, problem: { message: e.message, reason: e.reason } };
    throw e;
  }
  try {
    return { ok: true, spec, schedule: parseSchedule(text) };
  } catch (e) {
    if (e instanceof SpecError) {
      return {
        ok: false,
        ...(isSpec(spec) ? { spec } : {}),
        problem: {
          message: e.message,
          reason: e.reason,
          path: e.path,
          ...(e.column === undefined ? {} : { line: e.line ?? 1, column: e.column }),
        },
      };
    }
    const message = (e as Error).message;
    return { ok: false, ...(isSpec(spec) ? { spec } : {}), problem: { message, reason: message } };
  }
}
