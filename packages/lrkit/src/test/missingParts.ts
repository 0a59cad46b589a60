/**
 * Test helper: what a registry entry lacks of the parts every entry must have (see
 * `spec/family.ts`), each named.
 *
 * @module
 */
import type { Family } from "../spec/family.js";

/**
 * The frameworks an anchor's presets map to natively: the anchor's own (Hugging Face's, timm's and
 * fastai's is PyTorch, on which they schedule a torch optimizer).
 */
const OWN_FRAMEWORK: Record<string, string> = {
  optax: "optax",
  keras: "keras",
  hf: "pytorch",
  timm: "pytorch",
  fastai: "pytorch",
};

const isFunction = (value: unknown) => typeof value === "function";

/** The missing or malformed parts of `family`, e.g. `["closedForm", 'lint.counts: "nope" is not a parameter']`. */
export function missingParts(family: Family): string[] {
  const out: string[] = [];
  const entry = family as unknown as Record<string, unknown>;
  for (const part of ["type", "summary", "example"])
    if (typeof entry[part] !== "string" || entry[part] === "") out.push(part);
  const keys = Object.keys(family.params?.entries ?? {});
  if (keys.length === 0) out.push("params");
  if (!isFunction(family.create)) out.push("create");
  const names = (part: string, list: unknown) => {
    if (!Array.isArray(list)) return out.push(part);
    for (const name of list) if (!keys.includes(name)) out.push(`${part}: "${name}" is not a parameter`);
    if (new Set(list).size !== list.length) out.push(`${part}: a parameter is listed twice`);
  };
  names("positional", family.positional);
  if (family.leading !== undefined) names("leading", family.leading);
  if (family.preset !== undefined) {
    const anchor = family.type.slice(0, family.type.indexOf("."));
    if (family.preset.anchor !== anchor) out.push(`preset.anchor (expected "${anchor}")`);
    const own = OWN_FRAMEWORK[anchor] as keyof NonNullable<typeof family.preset.native> | undefined;
    if (own !== undefined && !isFunction(family.preset.native?.[own])) out.push(`preset.native.${own}`);
    return out;
  }
  const form = family.closedForm as unknown;
  const none =
    typeof form === "object" && form !== null && typeof (form as { none?: unknown }).none === "string";
  if (!isFunction(form) && !none) out.push("closedForm");
  if (typeof family.lint !== "object" || family.lint === null) out.push("lint");
  else {
    names("lint.counts", family.lint.counts);
    if (family.lint.total !== undefined) names("lint.total.param", [family.lint.total.param]);
    for (const part of ["milestones", "extend", "place", "rescale", "cycles"] as const)
      if (part in family.lint && !isFunction(family.lint[part])) out.push(`lint.${part}`);
  }
  if (typeof family.native !== "object" || family.native === null) out.push("native");
  else
    for (const [target, mapping] of Object.entries(family.native))
      if (!["pytorch", "optax", "keras"].includes(target) || !isFunction(mapping))
        out.push(`native.${target}`);
  return out;
}
