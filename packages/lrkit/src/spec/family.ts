/**
 * The registry entry of a schedule family, combinator or preset: everything lrkit knows about one
 * type of schedule, next to its factory. `fromSpec` and the text syntax build from it, `lint` and the
 * exporters read it, the playground builds its forms from it; none of them switches on `spec.type`.
 *
 * @module
 */
import type * as v from "valibot";
import type { Schedule, ScheduleSpec } from "../schedule.js";

/** A parameter schema: a valibot strict object. */
export type ParamsSchema = v.StrictObjectSchema<v.ObjectEntries, undefined>;

/** A parameter's value as a spec holds it: a nested schedule is its spec. */
type AsSpec<T> = T extends Schedule ? ScheduleSpec : T extends readonly Schedule[] ? ScheduleSpec[] : T;

/** The options of a spec node with its schema's defaults filled in, nested schedules as specs. */
export type SpecOptions<P extends ParamsSchema> = {
  readonly [K in keyof v.InferOutput<P>]: AsSpec<v.InferOutput<P>[K]>;
};

/** What a closed form of a node may use besides its own options. */
export interface FormContext {
  /** An upper bound of the step (the plan's length), when known: needed to count growing cycles. */
  readonly steps: number | undefined;
  /** The closed form of a nested spec at local time `x`. */
  readonly form: (spec: ScheduleSpec, x: string) => string;
  /** The schedule of a nested spec, for values fixed at construction (a warmup's target). */
  readonly build: (spec: ScheduleSpec) => Schedule;
}

/**
 * The closed form of a node: an expression in lrkit's formula language (`export/expr.ts` has the
 * building blocks) of the variable `x` that equals the schedule at every step, or `{ none }` with
 * the reason there is none (noise: seeded draws).
 */
export type ClosedForm<O> =
  ((options: O, x: string, context: FormContext) => string) | { readonly none: string };

/** A native PyTorch scheduler: the optimizer's lr and the constructor call on `optimizer`. */
export interface TorchScheduler {
  /** The lr to give the optimizer. */
  readonly lr: number;
  /** The call, e.g. `lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1)`. */
  readonly scheduler: string;
  /** Formula text the call uses (a custom `scale_fn`), for the script's `math` imports; or "". */
  readonly uses: string;
  /** The modules the call needs besides torch, e.g. `["transformers"]`. */
  readonly modules?: readonly string[];
  /**
   * The script's import lines for those modules. Defaults to `import <module>` for each, e.g.
   * `["from timm.scheduler import CosineLRScheduler"]` for a timm scheduler.
   */
  readonly imports?: readonly string[];
  /**
   * The loop's line that steps the scheduler at step `t`, run before the lr of step `t` is read, e.g.
   * `scheduler.step(t)` for a timm scheduler stepped per epoch. Defaults to PyTorch's
   * `scheduler.step()`, run after the optimizer's step.
   */
  readonly step?: string;
}

/** What a native mapping may use besides its own options. */
export interface NativeContext {
  /** The node's spec as given (without defaults): an anchor's own call repeats it. */
  readonly spec: ScheduleSpec;
  /** The steps the export runs. */
  readonly steps: number;
  /** The schedule of a spec, for values fixed at construction. */
  readonly build: (spec: ScheduleSpec) => Schedule;
  /** The options of a nested spec with its defaults (see `SpecOptions`). */
  readonly options: (spec: ScheduleSpec) => Record<string, unknown>;
  /** The Optax expression of a nested spec: native where it can be, a closed-form lambda otherwise. */
  readonly optax: (spec: ScheduleSpec) => string;
}

/**
 * The frameworks' own schedules that give exactly the same values, each returning undefined for the
 * options it cannot express. A target left out has none.
 */
export interface Natives<O> {
  /** A `torch.optim.lr_scheduler` class. */
  readonly pytorch?: (options: O, context: NativeContext) => TorchScheduler | undefined;
  /** An `optax` schedule expression. */
  readonly optax?: (options: O, context: NativeContext) => string | undefined;
  /** A `keras.optimizers.schedules` expression. */
  readonly keras?: (options: O, context: NativeContext) => string | undefined;
}

/** Where lint places a combinator's nested schedules: global step `g = start + stretch * t`. */
export interface Placement {
  /** The global step of the node's own step `t`. */
  readonly g: (t: number) => number;
  /** Global steps per step of the node. */
  readonly stretch: number;
  /** The first global step at which the node decides the value. */
  readonly from: number;
  /** The global step at which it stops deciding it (exclusive). */
  readonly to: number;
  /** The plan's length. */
  readonly limit: number;
  /** Declares a change of value at global step `g`. */
  readonly declare: (g: number) => void;
  /** Places the nested schedules (all of them, or the one at `index` of a list) with their windows. */
  readonly child: (
    place: {
      readonly start?: number;
      readonly stretch?: number;
      readonly from?: number;
      readonly to?: number;
    },
    index?: number,
  ) => void;
}

/** The cycles of a cyclical schedule: cycle `i` lasts `period * mult ** i` steps, `limit` of them. */
export interface Cycles {
  /** The name of the cycles in messages, e.g. `"SGDR"`. */
  readonly name: string;
  readonly period: number;
  readonly mult: number;
  readonly limit: number;
  /** What sets the period, for a fix: `"stepsUp + stepsDown"`. Defaults to `"period"`. */
  readonly length?: string;
}

/** What lint knows about a type: where it changes and which parameters count steps. */
export interface LintFacts<O> {
  /** The parameters that count steps (multiplied when a plan in epochs runs in batches). */
  readonly counts: readonly (keyof O & string)[];
  /** Step counts are rounded to integers (≥ 1) when multiplied. */
  readonly integerCounts?: boolean;
  /**
   * The spec rewritten for `k` times as many steps, in place of multiplying {@link counts}
   * (`byCounts` does that): a formula's `t`, or undefined where no rewrite keeps the values.
   */
  readonly rescale?: (
    spec: ScheduleSpec,
    k: number,
    byCounts: () => ScheduleSpec | undefined,
  ) => ScheduleSpec | undefined;
  /** The node's own steps below `end` at which its value jumps by design (staircases, milestones). */
  readonly milestones?: (options: O, end: number) => readonly number[];
  /**
   * The spec with its horizon `extra` steps later, or undefined when it has none to move;
   * `nested` extends a nested spec the same way.
   */
  readonly extend?: (
    spec: ScheduleSpec,
    extra: number,
    nested: (spec: ScheduleSpec) => ScheduleSpec | undefined,
  ) => ScheduleSpec | undefined;
  /** True when the values are seeded random draws (noise), which lint does not read as jumps. */
  readonly noisy?: boolean;
  /** True when the value never changes: a flat tail it decides is meant (`join([..., constant])`). */
  readonly flat?: boolean;
  /**
   * The run's length, past which the framework's own scheduler raises rather than holds (PyTorch's
   * `OneCycleLR` after `total_steps`): the parameter, and the PyTorch class and its parameter that
   * it is, for lint's message.
   */
  readonly total?: {
    readonly param: keyof O & string;
    readonly torch: string;
    readonly torchParam: string;
  };
  /** The restart cycles of a cyclical type (SGDR, repeat, cyclic), which lint fits to the plan. */
  readonly cycles?: (options: O) => Cycles;
  /** Places the nested schedules of a combinator that moves them in time (warmup, join, repeat). */
  readonly place?: (options: O, at: Placement) => void;
}

/** The part of an entry that a preset has instead of a closed form and lint facts of its own. */
export interface PresetFacts<O> {
  /** The anchor, e.g. `"optax"`: the prefix of the type. */
  readonly anchor: string;
  /** The anchor's own call in its framework, when the anchor has one. */
  readonly native?: Natives<O>;
}

/** The parts every entry has. */
interface Common {
  /** The spec `type`, e.g. `"cosine"` or `"keras.CosineDecay"`. */
  readonly type: string;
  /** One line for menus and `--help`. */
  readonly summary: string;
  /** A typical instance in the text syntax, for menus, docs and the playground's defaults. */
  readonly example: string;
  /**
   * The parameters, a valibot strict object: the single source of names, defaults and help texts
   * (the playground builds its forms from it). Nested schedules appear as schedules (fromSpec
   * builds them first).
   */
  readonly params: ParamsSchema;
  /** The parameters in the order the text syntax takes them positionally: `cosine(0.3, 20)`. */
  readonly positional: readonly string[];
  /** Builds the schedule from validated-or-not parameters (the factory validates). */
  readonly create: (params: Record<string, unknown>) => Schedule;
  /**
   * The parameters the factory takes as arguments before its options object (a combinator's
   * schedules: `warmup(schedule, { steps })`, `join(schedules, boundaries)`), for code that calls
   * it. Absent when it takes one options object.
   */
  readonly leading?: readonly string[];
}

/** The entry of a core family or combinator: it knows its closed form, lint facts and natives. */
export interface CoreFamily extends Common {
  readonly closedForm: ClosedForm<Record<string, unknown>>;
  readonly lint: LintFacts<Record<string, unknown>>;
  readonly native: Natives<Record<string, unknown>>;
  readonly preset?: undefined;
}

/**
 * The entry of a preset: built from core families and combinators (its schedule's `core` holds that
 * composition, which lint and the exporters look into), with the anchor's own call where it has one.
 */
export interface PresetFamily extends Common {
  readonly preset: PresetFacts<Record<string, unknown>>;
}

/**
 * How to build one type of schedule from its spec, and everything lrkit knows about it; see
 * {@link CoreFamily} and {@link PresetFamily}. Made with `defineFamily`.
 */
export type Family = CoreFamily | PresetFamily;
