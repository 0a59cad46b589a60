// Anchor: fastai/fastai fastai/callback/schedule.py (the annealers, combine_scheds, combined_cos and
// the Learner.fit_* methods that build their schedules from them).
/**
 * The export of a fastai preset to PyTorch: fastai's own function of pos, e.g.
 * `combined_cos(0.25, 0.01 / 25, 0.01, 0.01 / 100000)` for `fit_one_cycle`, run by a `LambdaLR` at
 * `pos = min(t, steps) / steps` on an optimizer whose lr is 1 (so that the factor is the lr, exactly).
 * Each preset's factory records its fastai expression with its schedule; fastai itself then computes
 * every value, its float32 positions included.
 *
 * @module
 */
import { py } from "../../export/pythonLiteral.js";
import type { Schedule } from "../../schedule.js";
import type { NativeContext, TorchScheduler } from "../../spec/family.js";

/** The names of `fastai.callback.schedule` that a recorded expression may call. */
const NAMES = ["SchedLin", "SchedCos", "SchedNo", "SchedExp", "SchedPoly", "combine_scheds", "combined_cos"];

const calls = new WeakMap<Schedule, string>();

/**
 * Records `call`, fastai's Python expression of the function of pos behind `s`, and returns `s`;
 * with `call` undefined (a phase that is no fastai schedule) it records nothing.
 */
export function withFastaiCall(s: Schedule, call: string | undefined): Schedule {
  if (call !== undefined) calls.set(s, call);
  return s;
}

/** fastai's Python expression of the function of pos behind `s`, when `s` is a fastai preset's. */
export function fastaiCallOf(s: Schedule): string | undefined {
  return calls.get(s);
}

/** `name(a, b, ...)` with the arguments as Python literals (an argument given as text is kept). */
export function fastaiExpression(name: string, args: readonly unknown[]): string {
  return `${name}(${args.map((a) => (typeof a === "string" ? a : py(a))).join(", ")})`;
}

/**
 * The PyTorch scheduler of a fastai preset: a `LambdaLR` whose factor is fastai's own function of
 * pos at `min(t, steps) / steps`, on an optimizer whose lr is 1; undefined when a phase of a
 * `combine_scheds` is no fastai schedule.
 *
 * @param context - the preset node's spec and the schedule of a spec.
 * @example
 * ```ts
 * native: { pytorch: (_, context) => fastaiScheduler(context) }
 * // for { type: "fastai.SchedCos", start: 0.1, end: 0.001, steps: 100 }:
 * // "lr_scheduler.LambdaLR(optimizer, lambda t, f=SchedCos(0.1, 0.001): f(min(t, 100) / 100))"
 * ```
 */
export function fastaiScheduler({ spec, build }: NativeContext): TorchScheduler | undefined {
  const s = build(spec);
  const call = fastaiCallOf(s);
  const steps = s.horizon;
  if (call === undefined || steps === undefined) return undefined;
  const names = NAMES.filter((name) => call.includes(`${name}(`));
  return {
    lr: 1,
    scheduler: `lr_scheduler.LambdaLR(optimizer, lambda t, f=${call}: f(min(t, ${steps}) / ${steps}))`,
    uses: "",
    modules: ["fastai"],
    imports: [`from fastai.callback.schedule import ${names.join(", ")}`],
  };
}
