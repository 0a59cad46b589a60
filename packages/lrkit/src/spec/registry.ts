/**
 * The registry of every schedule type that `fromSpec` and the text syntax know: the core families
 * and combinators, and what {@link registerFamilies} adds (importing `lrkit/presets` adds the
 * anchors' presets).
 *
 * @module
 */
import * as combinatorModule from "../compose/index.js";
import * as familyModule from "../families/index.js";
import type { Family } from "./family.js";

/**
 * Whether a module's export is a registry entry (the modules the registry reads export factories,
 * options types and entries).
 *
 * @param value - the export.
 */
export function isEntry(value: unknown): value is Family {
  return typeof value === "object" && value !== null && "create" in value;
}

/**
 * The registry entries a module exports, in the order of their export names: how the registry reads
 * `families/index.ts`, `compose/index.ts` and each anchor's `presets/<anchor>/families.ts`.
 *
 * @param module - the module's namespace object.
 */
export function entriesIn(module: object): Family[] {
  return Object.values(module).filter(isEntry);
}

/** The core schedule families: every entry `families/index.ts` exports, by name. */
export const coreFamilies: readonly Family[] = entriesIn(familyModule);

/** The combinators, which take schedules as parameters: every entry `compose/index.ts` exports. */
export const combinators: readonly Family[] = entriesIn(combinatorModule);

const known = new Map([...coreFamilies, ...combinators].map((f) => [f.type, f]));

/**
 * Every registered type by name: the core families and combinators, and the anchors' presets once
 * `lrkit/presets` is imported (the presets are a quarter of lrkit's code: an app that never names
 * one does not bundle them).
 */
export const registry: ReadonlyMap<string, Family> = known;

/**
 * Adds schedule types to the {@link registry}, so that `fromSpec`, the text syntax, `lint` and the
 * exporters know them. Importing `lrkit/presets` registers the anchors' presets this way; an app
 * registers its own families the same way.
 *
 * @param families - the registry entries; registering the same entry again does nothing.
 * @throws TypeError when another entry already has one of the types.
 * @example
 * ```ts
 * registerFamilies([myFamily]);
 * parseSchedule("my.schedule(lr=0.1)");
 * ```
 */
export function registerFamilies(families: readonly Family[]): void {
  for (const family of families) {
    const existing = known.get(family.type);
    if (existing !== undefined && existing !== family)
      throw new TypeError(`registerFamilies: the type "${family.type}" is already registered`);
  }
  for (const family of families) known.set(family.type, family);
}

/**
 * Why a type is unknown, for the messages of `fromSpec` and the text syntax: a preset's name
 * before `lrkit/presets` is imported, or a name `lrkit types` does not list.
 *
 * @param type - the unknown type, e.g. `"optax.cosine_decay_schedule"`.
 * @example
 * ```ts
 * unknownTypeHint("cosin"); // "(`lrkit types` lists them)"
 * ```
 */
export function unknownTypeHint(type: string): string {
  const anchor = type.includes(".") ? `${type.slice(0, type.indexOf("."))}.` : undefined;
  const anchorKnown = anchor !== undefined && [...known.keys()].some((t) => t.startsWith(anchor));
  return anchor !== undefined && !anchorKnown
    ? `(the anchors' presets are known once "lrkit/presets" is imported)`
    : "(`lrkit types` lists them)";
}
