/**
 * Typed makers of registry entries: the factory's options, the closed form, lint's facts and the
 * native mappings all receive the schema's own types, so that an entry needs no casts and its
 * positional list names only parameters the schema has.
 *
 * @module
 */
import type * as v from "valibot";
import type { Schedule } from "../schedule.js";
import type {
  ClosedForm,
  CoreFamily,
  LintFacts,
  Natives,
  ParamsSchema,
  PresetFacts,
  PresetFamily,
  SpecOptions,
} from "./family.js";

/** What every definition gives. */
interface Definition<P extends ParamsSchema> {
  readonly type: string;
  readonly summary: string;
  readonly example: string;
  readonly params: P;
  readonly positional: readonly (keyof P["entries"] & string)[];
  readonly leading?: readonly (keyof P["entries"] & string)[];
  /** Builds the schedule; it receives the parameters as the schema types them (the factory validates). */
  readonly create: (options: v.InferOutput<P>) => Schedule;
}

/** What {@link defineFamily} takes: see {@link CoreFamily}. */
export interface FamilyDefinition<P extends ParamsSchema> extends Definition<P> {
  readonly closedForm: ClosedForm<SpecOptions<P>>;
  readonly lint: LintFacts<SpecOptions<P>>;
  readonly native: Natives<SpecOptions<P>>;
}

/** What {@link definePreset} takes: see {@link PresetFamily}. */
export interface PresetDefinition<P extends ParamsSchema> extends Definition<P> {
  readonly preset: PresetFacts<SpecOptions<P>>;
}

/**
 * The registry entry of a core family or combinator, checked against its parameter schema.
 *
 * @param definition - the type, summary, example, schema, positional order, factory, closed form,
 *   lint facts and native mappings.
 * @example
 * ```ts
 * export const constantFamily = defineFamily({
 *   type: "constant", summary: "A constant lr.", example: "constant(lr=0.1)", params, positional: ["lr"],
 *   create: (o) => constant(o), closedForm: (o) => num(o.lr), lint: { counts: [] },
 *   native: { optax: (o) => `optax.constant_schedule(value=${py(o.lr)})` },
 * });
 * ```
 */
export function defineFamily<P extends ParamsSchema>(
  definition: FamilyDefinition<P>,
): Omit<CoreFamily, "params"> & { readonly params: P } {
  return definition as unknown as Omit<CoreFamily, "params"> & { readonly params: P };
}

/**
 * The registry entry of a preset, checked against its parameter schema.
 *
 * @param definition - the type, summary, example, schema, positional order, factory, and the
 *   anchor with its native call.
 * @example
 * ```ts
 * export const CosineDecayFamily = definePreset({
 *   type: "keras.CosineDecay", summary: "...", example: "keras.CosineDecay(0.1, 50)", params,
 *   positional: ["initial_learning_rate", "decay_steps", "alpha", "warmup_target", "warmup_steps"],
 *   create: (o) => CosineDecay(o), preset: { anchor: "keras", native: { keras: kerasCall("CosineDecay") } },
 * });
 * ```
 */
export function definePreset<P extends ParamsSchema>(
  definition: PresetDefinition<P>,
): Omit<PresetFamily, "params"> & { readonly params: P } {
  return definition as unknown as Omit<PresetFamily, "params"> & { readonly params: P };
}
