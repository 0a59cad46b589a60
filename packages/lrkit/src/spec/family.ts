/**
 * The registry entry of a schedule family, combinator or preset.
 *
 * @module
 */
import type * as v from "valibot";
import type { Schedule } from "../schedule.js";

/**
 * How to build one type of schedule from its spec, and what its parameters are. The parameter
 * schema is the single source of names, defaults and help texts (the playground builds its forms
 * from it); its key order is the positional order of the text syntax.
 */
export interface Family {
  /** The spec `type`, e.g. `"cosine"` or `"keras.CosineDecay"`. */
  readonly type: string;
  /** One line for menus and `--help`. */
  readonly summary: string;
  /** A typical instance in the text syntax, for menus, docs and the playground's defaults. */
  readonly example: string;
  /**
   * The parameters, a valibot strict object (`entries` in key order); nested schedules appear as
   * schedules (fromSpec builds them first).
   */
  readonly params: v.StrictObjectSchema<v.ObjectEntries, undefined>;
  /** Builds the schedule from validated-or-not parameters (the factory validates). */
  readonly create: (params: Record<string, unknown>) => Schedule;
}
