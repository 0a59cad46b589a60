/**
 * Test helper: the text of `spec/options.generated.ts`, the TSDoc'd options interface of every core
 * family and combinator, written from its registry entry's schema (names, kinds, defaults and help
 * texts), with a compile-time check that each interface and its schema's input type are the same.
 *
 * @module
 */
import { describeParams, type ParamInfo } from "../spec/describe.js";
import type { Family } from "../spec/family.js";

/** The options type of a core entry's factory, e.g. `CosineOptions` (formula's is `FormulaScheduleOptions`). */
export function optionsName(family: Family): string {
  const name = family.type === "formula" ? "formulaSchedule" : family.type;
  return `${name[0]!.toUpperCase()}${name.slice(1)}Options`;
}

function typeOf(p: ParamInfo): string {
  switch (p.kind) {
    case "number":
    case "integer":
      return "number";
    case "enum":
      return p.options!.map((o) => JSON.stringify(o)).join(" | ");
    case "numbers":
      return "number[]";
    case "schedule":
      return "Schedule";
    case "schedules":
      return "Schedule[]";
    case "json":
      return "unknown";
    default:
      return p.kind;
  }
}

function doc(p: ParamInfo): string {
  const given =
    p.default !== undefined && !/Defaults to /.test(p.help)
      ? ` Defaults to ${JSON.stringify(p.default)}.`
      : "";
  return `${p.help}${given}`;
}

/** The text of `spec/options.generated.ts` for `families` (core entries; their leading arguments left out). */
export function optionsInterfaces(families: readonly Family[]): string {
  const blocks: string[] = [];
  const checks: string[] = [];
  const imports = new Map<string, string[]>();
  for (const family of families) {
    const leading = family.leading ?? [];
    const fields = describeParams(family).filter((p) => !leading.includes(p.name));
    if (fields.length === 0) continue;
    const name = optionsName(family);
    const entry = `${family.type}Family`;
    const dir = leading.length > 0 ? "compose" : "families";
    const file = family.type === "oneCycleMomentum" ? "oneCycle" : family.type;
    const module = `../${dir}/${file}.js`;
    imports.set(module, [...(imports.get(module) ?? []), entry]);
    const lines = fields.map(
      (p) => `  /** ${doc(p)} */\n  readonly ${p.name}${p.required ? "" : "?"}: ${typeOf(p)};`,
    );
    blocks.push(
      `/** Options of \`${family.type}\`${leading.length ? `, after its ${leading.join(", ")}` : ""}. */\nexport interface ${name} {\n${lines.join("\n")}\n}`,
    );
    const input = `v.InferInput<(typeof ${entry})["params"]>`;
    checks.push(
      `  Same<${name}, ${leading.length ? `Omit<${input}, ${leading.map((k) => JSON.stringify(k)).join(" | ")}>` : input}>,`,
    );
  }
  return [
    "// Generated from the registry entries' schemas by packages/lrkit/src/test/optionsInterfaces.ts:",
    "// do not edit. `LRKIT_WRITE_GENERATED=1 npx vitest run packages/lrkit/src/spec/options.test.ts` rewrites it.",
    "/**",
    " * The options of every core family and combinator, one TSDoc'd interface each (hover shows each",
    " * field's meaning and default), written from the family's schema.",
    " *",
    " * @module",
    " */",
    'import type * as v from "valibot";',
    ...(blocks.some((b) => /\bSchedule\b/.test(b))
      ? ['import type { Schedule } from "../schedule.js";']
      : []),
    ...[...imports]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([module, names]) => `import type { ${names.join(", ")} } from "${module}";`),
    "",
    ...blocks.map((b) => `${b}\n`),
    "/** `true` when `A` and `B` are assignable to each other. */",
    "type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;",
    "",
    "/** Accepts `true` only. */",
    "type Assert<T extends true> = T;",
    "",
    "/** Compiles only while every interface above takes what its schema takes. */",
    `export type OptionsMatchSchemas = Assert<[\n${checks.join("\n")}\n] extends true[] ? true : false>;`,
    "",
  ].join("\n");
}
