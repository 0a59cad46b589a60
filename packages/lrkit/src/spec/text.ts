/**
 * The text syntax of specs: `warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)`.
 *
 * A call names a registered type (`cosine`, `d2l.CosineScheduler`); arguments are positional
 * (in the order of the type's parameters) then named; values are numbers, strings, `true`/`false`,
 * lists `[...]`, objects `{100: 0.1}`, nested calls, or bare words for strings (`after=periodic`).
 * Python's `True`, `False` and `None` are accepted (`None` leaves the parameter at its default).
 *
 * @module
 */
import type { Json, ScheduleSpec } from "../schedule.js";
import { parseExpression } from "./expression.js";
import { isSpec } from "./isSpec.js";
import { registry, unknownTypeHint } from "./registry.js";
import { SpecSyntaxError } from "./syntaxError.js";
import type { Expression, Property, SpreadElement } from "./syntaxTree.js";

/** A spec parsed from text, with where each part of it came from. */
export interface ParsedText {
  /** The spec. */
  readonly spec: ScheduleSpec;
  /** The 0-based offset in the text of the value at each JSON path (`$.schedule.steps`). */
  readonly offsets: ReadonlyMap<string, number>;
}

const BARE_WORDS: Record<string, Json | undefined> = {
  True: true,
  False: false,
  None: undefined,
  null: undefined,
};

function typeName(node: Expression): string | undefined {
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression") {
    const left = typeName(node.object);
    const right = node.computed ? undefined : typeName(node.property);
    return left && right ? `${left}.${right}` : undefined;
  }
  return undefined;
}

/**
 * Parses the text syntax into a spec.
 *
 * @throws {@link SpecSyntaxError} (a SyntaxError) with the line and column of the problem.
 * @example
 * ```ts
 * parseText("warmup(cosine(lr=0.3, steps=25), steps=5)").spec;
 * // { type: "warmup", schedule: { type: "cosine", lr: 0.3, steps: 25 }, steps: 5 }
 * ```
 */
export function parseText(source: string): ParsedText {
  const offsets = new Map<string, number>();
  const fail = (reason: string, node: Expression | Property | SpreadElement): never => {
    throw new SpecSyntaxError(reason, source, node.start);
  };

  const call = (node: Expression, path: string): ScheduleSpec => {
    if (node.type !== "CallExpression")
      return fail("Expected a schedule such as cosine(lr=0.1, steps=100)", node);
    const type = typeName(node.callee);
    if (type === undefined) return fail("Expected a schedule type name", node.callee);
    const family = registry.get(type);
    if (!family) return fail(`Unknown schedule type "${type}" ${unknownTypeHint(type)}`, node.callee);
    offsets.set(path, node.start);
    offsets.set(`${path}.type`, node.callee.start);
    const names = family.positional;
    const spec: Record<string, Json> = { type };
    let named = false;
    node.arguments.forEach((arg, i) => {
      let name: string;
      let valueNode: Expression;
      if (arg.type === "AssignmentExpression" && arg.operator === "=" && arg.left.type === "Identifier") {
        named = true;
        name = arg.left.name;
        valueNode = arg.right;
        if (!names.includes(name))
          fail(`${type} has no parameter "${name}" (parameters: ${names.join(", ")})`, arg.left);
      } else {
        if (named) fail("Positional arguments must come before named ones", arg);
        if (arg.type === "SpreadElement") return fail("Spread arguments are not allowed", arg);
        if (i >= names.length) fail(`${type} takes at most ${names.length} arguments`, arg);
        name = names[i]!;
        valueNode = arg;
      }
      if (name in spec) fail(`Parameter "${name}" is given twice`, arg);
      const value = json(valueNode, `${path}.${name}`);
      if (value !== undefined) spec[name] = value;
    });
    return spec as ScheduleSpec;
  };

  const json = (node: Expression, path: string): Json | undefined => {
    offsets.set(path, node.start);
    switch (node.type) {
      case "Literal":
        if (
          typeof node.value === "number" ||
          typeof node.value === "string" ||
          typeof node.value === "boolean"
        ) {
          return node.value;
        }
        if (node.value === null) return undefined;
        return fail("Expected a number, string or boolean", node);
      case "UnaryExpression":
        if ((node.operator === "-" || node.operator === "+") && node.argument.type === "Literal") {
          const v = node.argument.value;
          if (typeof v === "number") return node.operator === "-" ? -v : v;
        }
        return fail("Expected a number", node);
      case "Identifier":
        return Object.hasOwn(BARE_WORDS, node.name) ? BARE_WORDS[node.name] : node.name;
      case "ArrayExpression":
        return node.elements.map((e, i) =>
          e === null || e.type === "SpreadElement"
            ? fail("Expected a value", e ?? node)
            : (json(e, `${path}[${i}]`) ?? null),
        );
      case "ObjectExpression": {
        const out: Record<string, Json> = {};
        for (const prop of node.properties) {
          if (prop.type !== "Property" || prop.computed) return fail("Expected key: value", prop);
          const key =
            prop.key.type === "Identifier"
              ? prop.key.name
              : prop.key.type === "Literal"
                ? String(prop.key.value)
                : undefined;
          if (key === undefined) return fail("Expected a name or number as key", prop.key);
          const value = json(prop.value, `${path}.${key}`);
          if (value !== undefined) out[key] = value;
        }
        return out;
      }
      case "CallExpression":
        return call(node, path);
      default:
        return fail("Expected a number, string, list, object or schedule", node);
    }
  };

  const spec = call(parseExpression(source), "$");
  return { spec, offsets };
}

function printValue(value: Json): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(printValue).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    if ("type" in value && typeof value.type === "string") return toText(value as ScheduleSpec);
    const entries = Object.entries(value).map(
      ([k, v]) => `${/^(?:[A-Za-z_$][\w$]*|\d+)$/.test(k) ? k : JSON.stringify(k)}: ${printValue(v)}`,
    );
    return `{${entries.join(", ")}}`;
  }
  return String(value);
}

/**
 * Prints a spec in the text syntax. The first parameter is written positionally when it is a
 * schedule, a list of schedules, or the only parameter and a string (a formula); the others by name.
 *
 * @example
 * ```ts
 * toText({ type: "warmup", schedule: { type: "cosine", lr: 0.3, steps: 25 }, steps: 5 });
 * // 'warmup(cosine(lr=0.3, steps=25), steps=5)'
 * ```
 */
export function toText(spec: ScheduleSpec): string {
  const { type, ...params } = spec;
  const names = registry.get(type)?.positional ?? [];
  const first = names[0];
  const rank = (name: string) => (names.includes(name) ? names.indexOf(name) : names.length);
  const entries = Object.entries(params).sort(([a], [b]) => rank(a) - rank(b));
  const args = entries.map(([name, value]) => {
    const positional =
      name === first &&
      ((names.length === 1 && typeof value === "string") ||
        (typeof value === "object" &&
          value !== null &&
          (Array.isArray(value) ? value.every(isSpec) : isSpec(value))));
    return positional ? printValue(value) : `${name}=${printValue(value)}`;
  });
  return `${type}(${args.join(", ")})`;
}
