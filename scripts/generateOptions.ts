/**
 * Writes the options interfaces of every registry entry from its schema (names, kinds, defaults and
 * help texts), one TSDoc'd interface per family, combinator and preset, so that an editor's hover
 * shows each field's meaning and default while the schema stays the one place they are written:
 *
 * - `packages/lrkit/src/spec/options.generated.ts`: the core families (`families/index.ts`) and the
 *   combinators (`compose/index.ts`);
 * - `packages/lrkit/src/presets/<anchor>/options.generated.ts`: the presets that
 *   `presets/<anchor>/families.ts` lists;
 * - and, in those files, the options of the reduce-on-plateau policies (`plateau`,
 *   `timm.PlateauLRScheduler`), which are no registry entries ({@link POLICIES}).
 *
 * Each file ends with a compile-time check that every interface takes what its schema takes.
 * `npm run build` runs this script; with `--check`, and whenever `CI` is set, it writes nothing and
 * fails when a file is not current. TypeScript cannot turn a runtime schema's strings into TSDoc,
 * and no library writes valibot schemas out as documented interfaces: hence this script.
 *
 * Usage: `npm run generate [-- --check]`.
 *
 * @module
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format, resolveConfig } from "prettier";
import { describeParam, describeParams, isSchedule, type Family, type ParamInfo } from "lrkit";
import { isEntry } from "../packages/lrkit/src/spec/registry.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const SRC = join(ROOT, "packages/lrkit/src");

/** One generated file: the modules whose exported registry entries it documents. */
interface Target {
  /** The file written. */
  readonly file: string;
  /** What the file calls each module, and the module's path. */
  readonly modules: Readonly<Record<string, string>>;
  /** What the file's module comment says it holds. */
  readonly holds: string;
}

/** The interface's name: `CosineOptions` for `cosine`, `CosineDecayScheduleOptions` for `optax.cosine_decay_schedule`. */
function optionsName(family: Family): string {
  // `FormulaOptions` is compileFormula's.
  if (family.type === "formula") return "FormulaScheduleOptions";
  const name = family.type.slice(family.type.lastIndexOf(".") + 1);
  return `${name
    .split("_")
    .map((part) => `${part[0]!.toUpperCase()}${part.slice(1)}`)
    .join("")}Options`;
}

/** A valibot schema, with the fields of its kinds that are read here. */
interface Schema {
  readonly type: string;
  readonly wrapped?: Schema;
  readonly item?: Schema;
  readonly items?: readonly Schema[];
  readonly options?: readonly (Schema | string)[];
  readonly entries?: Readonly<Record<string, Schema>>;
  readonly key?: Schema;
  readonly value?: Schema;
  readonly literal?: unknown;
  readonly check?: unknown;
  readonly kind?: string;
  readonly pipe?: readonly Schema[];
}

const OPTIONAL = new Set(["optional", "exact_optional", "undefinedable", "nullish"]);
const NULLABLE = new Set(["nullable", "nullish"]);

/** The TypeScript input type of a schema, `undefined` left out (an optional field is `?`). */
function tsType(s: Schema): string {
  if (OPTIONAL.has(s.type) || NULLABLE.has(s.type) || s.type.startsWith("non_")) {
    const inner = tsType(s.wrapped!);
    return NULLABLE.has(s.type) ? `${inner} | null` : inner;
  }
  // A custom check piped into a schema (lrkit's `p.record`) has the type of that schema.
  const piped = s.pipe?.slice(1).findLast((item) => item.kind === "schema");
  if (piped !== undefined) return tsType(piped);
  const grouped = (t: string) => (t.includes(" ") ? `(${t})` : t);
  switch (s.type) {
    case "number":
    case "boolean":
    case "string":
      return s.type;
    case "picklist":
      return s.options!.map((o) => JSON.stringify(o)).join(" | ");
    case "literal":
      return JSON.stringify(s.literal);
    case "array":
      return `${grouped(tsType(s.item!))}[]`;
    case "tuple":
    case "strict_tuple":
      return `[${s.items!.map(tsType).join(", ")}]`;
    case "union":
      return (s.options as Schema[]).map(tsType).join(" | ");
    case "record":
      return `Record<${tsType(s.key!)}, ${tsType(s.value!)}>`;
    case "object":
    case "strict_object": {
      const fields = Object.entries(s.entries!).map(
        ([k, f]) => `readonly ${k}${OPTIONAL.has(f.type) ? "?" : ""}: ${tsType(f)}`,
      );
      return `{ ${fields.join("; ")} }`;
    }
    case "custom":
      return s.check === isSchedule ? "Schedule" : "unknown";
    default:
      throw new TypeError(`generateOptions: no TypeScript type for a valibot "${s.type}" schema`);
  }
}

function doc(p: ParamInfo): string {
  const given =
    p.default !== undefined && !/Defaults to /.test(p.help)
      ? ` Defaults to ${JSON.stringify(p.default)}.`
      : "";
  return `${p.help}${given}`.replaceAll("*/", "*\\/");
}

/** Entries whose factory has its own interface: get_scheduler's options depend on the scheduler's name. */
const OWN_INTERFACE = new Set(["hf.get_scheduler"]);

/** One interface to write: its name, comment and fields, and the schema input type it must equal. */
interface Documented {
  readonly name: string;
  readonly title: string;
  readonly fields: readonly ParamInfo[];
  readonly schemas: Readonly<Record<string, Schema>>;
  readonly input: string;
}

/** The options object of what is no registry entry (a reduce-on-plateau policy): its module's schema. */
interface Policy {
  /** The generated file that documents it, relative to `packages/lrkit/src`. */
  readonly file: string;
  /** The module that exports the schema, relative to `packages/lrkit/src`. */
  readonly module: string;
  /** The schema's export name. */
  readonly schema: string;
  /** The interface's name. */
  readonly name: string;
  /** What takes the options, for the comment. */
  readonly of: string;
}

const POLICIES: readonly Policy[] = [
  {
    file: "spec/options.generated.ts",
    module: "plateau.ts",
    schema: "plateauParams",
    name: "PlateauOptions",
    of: "plateau",
  },
  {
    file: "presets/timm/options.generated.ts",
    module: "presets/timm/plateauLRScheduler.ts",
    schema: "plateauLRSchedulerParams",
    name: "PlateauLRSchedulerOptions",
    of: "timm.PlateauLRScheduler",
  },
];

/** The interfaces of the registry entries that `module` (imported as `alias`) exports. */
function entryInterfaces(alias: string, module: Record<string, unknown>): Documented[] {
  return Object.entries(module).flatMap(([exported, family]): Documented[] => {
    if (!isEntry(family) || OWN_INTERFACE.has(family.type)) return [];
    const leading = family.leading ?? [];
    const fields = describeParams(family).filter((p) => !leading.includes(p.name));
    if (fields.length === 0) return [];
    const input = `v.InferInput<(typeof ${alias})[${JSON.stringify(exported)}]["params"]>`;
    const omitted = leading.map((k) => JSON.stringify(k)).join(" | ");
    return [
      {
        name: optionsName(family),
        title: `Options of \`${family.type}\`${leading.length ? `, after its ${leading.join(", ")}` : ""}.`,
        fields,
        schemas: family.params.entries as Readonly<Record<string, Schema>>,
        input: leading.length ? `Omit<${input}, ${omitted}>` : input,
      },
    ];
  });
}

/** The interface of a policy's options, its module imported as `alias`. */
function policyInterface(alias: string, module: Record<string, unknown>, policy: Policy): Documented {
  const schema = module[policy.schema] as { entries: Readonly<Record<string, Schema>> };
  const entries = schema.entries as unknown as Record<string, Parameters<typeof describeParam>[1]>;
  return {
    name: policy.name,
    title: `Options of \`${policy.of}\`.`,
    fields: Object.keys(entries).map((key) => describeParam(key, entries[key]!)),
    schemas: schema.entries,
    input: `v.InferInput<typeof ${alias}.${policy.schema}>`,
  };
}

/** The text of one target's file. */
async function generate(target: Target): Promise<string> {
  const documented: Documented[] = [];
  const modules = { ...target.modules };
  for (const [alias, path] of Object.entries(target.modules))
    documented.push(
      ...entryInterfaces(alias, (await import(pathToFileURL(path).href)) as Record<string, unknown>),
    );
  for (const policy of POLICIES.filter((p) => join(SRC, p.file) === target.file)) {
    const alias = basename(policy.module, ".ts");
    modules[alias] = join(SRC, policy.module);
    const module = (await import(pathToFileURL(modules[alias]).href)) as Record<string, unknown>;
    documented.push(policyInterface(alias, module, policy));
  }
  const blocks = documented.map(({ name, title, fields, schemas }) => {
    const lines = fields.map(
      (p) => `  /** ${doc(p)} */\n  readonly ${p.name}${p.required ? "" : "?"}: ${tsType(schemas[p.name]!)};`,
    );
    return `/** ${title} */\nexport interface ${name} {\n${lines.join("\n")}\n}`;
  });
  const checks = documented.map(({ name, input }) => `  Same<${name}, ${input}>,`);
  const specifier = (path: string) =>
    relative(dirname(target.file), path)
      .replace(/^(?!\.)/, "./")
      .replace(/\.ts$/, ".js");
  const schedule = specifier(join(SRC, "schedule.ts"));
  const text = [
    "// Generated by scripts/generateOptions.ts from the registry entries' schemas: do not edit.",
    "// `npm run build` (or `npm run generate`) rewrites it.",
    "/**",
    ` * ${target.holds}: one TSDoc'd interface each (hover shows each`,
    " * field's meaning and default), written from the entry's schema.",
    " *",
    " * @module",
    " */",
    'import type * as v from "valibot";',
    `import type { Assert, Same } from "${specifier(join(SRC, "spec/sameType.ts"))}";`,
    ...(blocks.some((b) => /\bSchedule\b/.test(b)) ? [`import type { Schedule } from "${schedule}";`] : []),
    ...Object.entries(modules).map(([alias, path]) => `import type * as ${alias} from "${specifier(path)}";`),
    "",
    ...blocks.map((b) => `${b}\n`),
    "/** Compiles only while every interface above takes what its schema takes. */",
    `export type OptionsMatchSchemas = Assert<[\n${checks.join("\n")}\n] extends true[] ? true : false>;`,
    "",
  ].join("\n");
  return format(text, { ...(await resolveConfig(target.file)), filepath: target.file });
}

const anchors = readdirSync(join(SRC, "presets"), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(SRC, "presets", d.name, "families.ts")))
  .map((d) => d.name);

const targets: Target[] = [
  {
    file: join(SRC, "spec/options.generated.ts"),
    modules: { families: join(SRC, "families/index.ts"), combinators: join(SRC, "compose/index.ts") },
    holds: "The options of every core family and combinator",
  },
  ...anchors.map((anchor) => ({
    file: join(SRC, "presets", anchor, "options.generated.ts"),
    modules: { presets: join(SRC, "presets", anchor, "families.ts") },
    holds: `The options of every ${anchor} preset`,
  })),
];

const check = process.argv.includes("--check") || Boolean(process.env.CI);
const stale: string[] = [];
for (const target of targets) {
  const text = await generate(target);
  const current = existsSync(target.file) ? readFileSync(target.file, "utf8") : undefined;
  if (current === text) continue;
  if (check) stale.push(relative(ROOT, target.file));
  else writeFileSync(target.file, text);
}
if (stale.length > 0) {
  console.error(`not current: ${stale.join(", ")}; run \`npm run generate\` and commit the result`);
  process.exit(1);
}
