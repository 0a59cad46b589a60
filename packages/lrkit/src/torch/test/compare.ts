/**
 * Test helper: compares a trace file of `runConformance` with PyTorch's, field by field, with the
 * tolerances of `shared/golden/torch/README.md`.
 *
 * @module
 */
import type { TraceCase, TraceFile } from "../conformanceTypes.js";

const decode = (v: unknown): number =>
  v === "NaN" ? NaN : v === "Infinity" ? Infinity : v === "-Infinity" ? -Infinity : (v as number);

/** `|a - b| <= 1e-12 * |a| + 1e-18`, NaN equal to NaN, infinities to themselves. */
function closeEnough(actual: unknown, expected: unknown): boolean {
  const a = decode(actual);
  const b = decode(expected);
  if (typeof a !== "number" || typeof b !== "number") return a === b;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-12 * Math.abs(a) + 1e-18;
}

function compareValues(
  path: string,
  actual: unknown,
  expected: unknown,
  exact: boolean,
  out: string[],
): void {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      out.push(
        `${path}: length ${Array.isArray(actual) ? actual.length : typeof actual} != ${expected.length}`,
      );
      return;
    }
    expected.forEach((e, i) => compareValues(`${path}[${i}]`, actual[i], e, exact, out));
    return;
  }
  const ok = exact ? JSON.stringify(actual) === JSON.stringify(expected) : closeEnough(actual, expected);
  if (!ok) out.push(`${path}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

const INTEGER_EXTRAS = new Set(["num_bad_epochs", "cooldown_counter", "T_i"]);

/**
 * The differences between one case of ours and PyTorch's (empty when they agree): lr, last_lr and
 * momentum within the tolerance; last_epoch, integer extras, the error (phase, type, step, message,
 * last_epoch after it) and the warnings exactly; the resume check must match where PyTorch's does.
 */
function compareCase(mine: TraceCase, torch: TraceCase): string[] {
  const out: string[] = [];
  const te = torch.error;
  const me = mine.error;
  if (
    JSON.stringify([te?.phase, te?.type, te?.at_step]) !== JSON.stringify([me?.phase, me?.type, me?.at_step])
  ) {
    out.push(`error: got ${JSON.stringify(me)}, expected ${JSON.stringify(te)}`);
  }
  if (te && me) {
    compareValues(
      "error.last_epoch_after_error",
      me.last_epoch_after_error,
      te.last_epoch_after_error,
      true,
      out,
    );
    compareValues("error.message", me.message, te.message, true, out);
  }
  compareValues("warnings", mine.warnings, torch.warnings, true, out);
  if (torch.initial) {
    if (!mine.initial) out.push("initial: missing");
    else {
      for (const key of ["lr", "last_lr", "initial_lr", "momentum"] as const) {
        compareValues(`initial.${key}`, mine.initial[key], torch.initial[key], false, out);
      }
      compareValues("initial.last_epoch", mine.initial.last_epoch, torch.initial.last_epoch, true, out);
    }
  }
  if (torch.trace) {
    const m = mine.trace;
    if (!m) out.push("trace: missing");
    else {
      for (const key of ["lr", "last_lr", "momentum"] as const) {
        compareValues(`trace.${key}`, m[key], torch.trace[key], false, out);
      }
      compareValues("trace.last_epoch", m.last_epoch, torch.trace.last_epoch, true, out);
      const extra = torch.trace.extra;
      if (extra) {
        if (!m.extra || m.extra.length !== extra.length) out.push("trace.extra: length");
        else {
          extra.forEach((row, t) => {
            for (const [k, v] of Object.entries(row)) {
              compareValues(`trace.extra[${t}].${k}`, m.extra![t]![k], v, INTEGER_EXTRAS.has(k), out);
            }
          });
        }
      }
    }
  }
  const tc = torch.state_dict_check;
  const mc = mine.state_dict_check;
  if (tc) {
    if (!mc) out.push("state_dict_check: missing");
    else {
      compareValues("state_dict_check.at_step", mc.at_step, tc.at_step, true, out);
      if (tc.matches && !mc.matches) out.push("state_dict_check.matches: false");
      compareValues("state_dict_check.resumed_lr_head", mc.resumed_lr_head, tc.resumed_lr_head, false, out);
    }
  }
  return out;
}

/** Every case's differences, by id. */
export function compareTraces(mine: TraceFile, torch: TraceFile): Map<string, string[]> {
  const result = new Map<string, string[]>();
  torch.cases.forEach((expected, i) => {
    const actual = mine.cases[i];
    result.set(expected.id, actual ? compareCase(actual, expected) : ["case missing"]);
  });
  return result;
}
