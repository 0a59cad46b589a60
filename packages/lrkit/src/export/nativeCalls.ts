/**
 * Builders of the native calls that registry entries map to: a PyTorch scheduler, an Optax
 * schedule, a Keras schedule, and an anchor's own call that repeats a preset's spec.
 *
 * @module
 */
import type { NativeContext, TorchScheduler } from "../spec/family.js";
import { isSpec } from "../spec/isSpec.js";
import { kwargs, py } from "./pythonLiteral.js";

/** `lr_scheduler.<cls>(optimizer, ...)` on an optimizer whose lr is `lr`. */
export function torchScheduler(
  lr: number,
  cls: string,
  args: Record<string, unknown>,
  uses?: string,
): TorchScheduler {
  const rest = kwargs(args);
  return { lr, scheduler: `lr_scheduler.${cls}(optimizer${rest ? `, ${rest}` : ""})`, uses: uses ?? "" };
}

/** `optax.<fn>(...)`. */
export function optaxCall(fn: string, args: Record<string, unknown>): string {
  return `optax.${fn}(${kwargs(args)})`;
}

/** `optax.join_schedules(...)` of Optax expressions, each part counting from its own boundary. */
export function optaxJoin(parts: readonly string[], boundaries: readonly number[]): string {
  return `optax.join_schedules(schedules=[${parts.join(", ")}], boundaries=${py(boundaries)})`;
}

/**
 * Keras's parameters that must be Python floats: a schedule takes its dtype from
 * `initial_learning_rate` (an int makes it compute in int32: `ExponentialDecay(initial_learning_rate=1,
 * ...)` gives 1, 0, 0, ..., `CosineDecayRestarts` and a warmup `CosineDecay` raise), and
 * `PiecewiseConstantDecay` from each of its `values`.
 */
const KERAS_FLOATS: ReadonlySet<string> = new Set(["initial_learning_rate", "values"]);

/** `py(value)` with integral numbers (also in a list) written as Python floats: `1.0`, not `1`. */
function pyFloat(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pyFloat).join(", ")}]`;
  const text = py(value);
  return typeof value === "number" && /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/** `keras.optimizers.schedules.<cls>(...)`, with {@link KERAS_FLOATS} written as floats. */
export function kerasCall(cls: string, args: Record<string, unknown>): string {
  const rest = Object.entries(args)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${KERAS_FLOATS.has(k) ? pyFloat(v) : py(v)}`);
  return `keras.optimizers.schedules.${cls}(${rest.join(", ")})`;
}

/**
 * A Python argument of an anchor's own call: nested specs as their Optax expressions, and dicts
 * keyed by steps (Optax's `boundaries_and_scales`, which a JSON spec must key by strings) with
 * number keys.
 */
function anchorArg(value: unknown, optax: NativeContext["optax"]): string {
  if (isSpec(value)) return optax(value);
  if (Array.isArray(value)) return `[${value.map((v) => anchorArg(v, optax)).join(", ")}]`;
  if (typeof value !== "object" || value === null) return py(value);
  const entries = Object.entries(value).map(
    ([k, v]) => `${/^\d+(\.\d+)?$/.test(k) ? k : JSON.stringify(k)}: ${anchorArg(v, optax)}`,
  );
  return `{${entries.join(", ")}}`;
}

/**
 * The native call of a preset whose spec is its anchor's own call: `<module>.<name>(...)` with the
 * parameters as the spec gives them.
 *
 * @param module - the Python module that holds the anchor's function, e.g. `"optax"` or
 *   `"keras.optimizers.schedules"` (whose float parameters are written as floats, see
 *   {@link KERAS_FLOATS}).
 * @param context - the preset node's spec and the Optax expressions of nested specs.
 * @example
 * ```ts
 * native: { optax: (_, context) => anchorCall("optax", context) }
 * // for { type: "optax.cosine_decay_schedule", init_value: 0.1, decay_steps: 50 }:
 * // "optax.cosine_decay_schedule(init_value=0.1, decay_steps=50)"
 * ```
 */
export function anchorCall(module: string, { spec, optax }: NativeContext): string {
  const { type, ...given } = spec;
  const floats = module === "keras.optimizers.schedules" ? KERAS_FLOATS : new Set<string>();
  const args = Object.entries(given).map(
    ([key, value]) => `${key}=${floats.has(key) ? pyFloat(value) : anchorArg(value, optax)}`,
  );
  return `${module}.${type.slice(type.indexOf(".") + 1)}(${args.join(", ")})`;
}

/**
 * The PyTorch call of a preset whose anchor builds a scheduler on a torch optimizer (Hugging Face's
 * `get_*_schedule*` functions, which return a `LambdaLR`): `<module>.<name>(optimizer=optimizer,
 * ...)` with the spec's parameters, on an optimizer whose lr is the spec's `lr`.
 *
 * @param module - the Python module, e.g. `"transformers"`.
 * @param context - the preset node's spec.
 * @example
 * ```ts
 * native: { pytorch: (_, context) => anchorTorchCall("transformers", context) }
 * // for { type: "hf.get_linear_schedule_with_warmup", lr: 0.1, num_warmup_steps: 5, num_training_steps: 30 }:
 * // "transformers.get_linear_schedule_with_warmup(optimizer=optimizer, num_warmup_steps=5, num_training_steps=30)"
 * ```
 */
export function anchorTorchCall(module: string, { spec }: NativeContext): TorchScheduler {
  const { type, lr, ...given } = spec;
  const rest = kwargs(given);
  const name = type.slice(type.indexOf(".") + 1);
  const scheduler = `${module}.${name}(optimizer=optimizer${rest ? `, ${rest}` : ""})`;
  return { lr: lr as number, scheduler, uses: "", modules: [module] };
}

/**
 * The PyTorch call of a timm preset: timm's own scheduler class on a torch optimizer whose lr is the
 * spec's `lr` (timm schedules the param group's `initial_lr`), `<Class>(optimizer, ...)` with the
 * spec's parameters, imported from `timm.scheduler`. lrkit's step `t` is timm's epoch (`t_in_epochs`,
 * timm's default): the loop calls `scheduler.step(t)` before it reads step `t`'s lr, as timm's
 * `train.py` steps it. Undefined with noise (`noise_range_t` given), whose draws come from torch's
 * generator in timm and from lrkit's own generator here.
 *
 * @param context - the preset node's spec.
 * @example
 * ```ts
 * native: { pytorch: (_, context) => timmCall(context) }
 * // for { type: "timm.StepLRScheduler", lr: 0.1, decay_t: 10 }:
 * // "StepLRScheduler(optimizer, decay_t=10)", after "from timm.scheduler import StepLRScheduler"
 * ```
 */
export function timmCall({ spec }: NativeContext): TorchScheduler | undefined {
  const { type, lr, ...given } = spec;
  if (given["noise_range_t"] !== undefined && given["noise_range_t"] !== null) return undefined;
  const cls = type.slice(type.indexOf(".") + 1);
  const rest = kwargs(given);
  return {
    lr: lr as number,
    scheduler: `${cls}(optimizer${rest ? `, ${rest}` : ""})`,
    uses: "",
    modules: ["timm"],
    imports: [`from timm.scheduler import ${cls}`],
    step: "scheduler.step(t)",
  };
}
