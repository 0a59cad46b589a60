// Specs as they come from outside: valid ones, then the same with a parameter dropped, replaced by
// a value of any JSON kind, or joined by an unknown or forbidden key, at any depth. Whatever the
// input, fromSpec either builds a schedule that is pure, never NaN at valid steps for moderate
// parameters (nor negative
// unless lint flags it: Optax's values take any sign) and survives a JSON round trip, or throws a
// SpecError naming a path inside the spec.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import "../presets/index.js"; // presets are types too
import type { Json } from "../schedule.js";
import { lint } from "../lint/lint.js";
import { anyCase } from "../test/arbitraries.js";
import { fromSpec } from "./fromSpec.js";
import { SpecError } from "./specError.js";

/** The anchors' presets, as specs drawn by the presets' golden cases (real libraries' parameters). */
const presetSpecs = (
  JSON.parse(readFileSync(new URL("../presets/golden/cases.json", import.meta.url), "utf8")) as {
    cases: { spec: Json; error: unknown }[];
  }
).cases
  .filter((c) => c.error === null)
  .map((c) => c.spec);

/** A valid spec: a core family or composition, or a preset. */
const anySpec: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyCase.map((c) => c.spec) },
  { weight: 1, arbitrary: fc.constantFrom(...presetSpecs) },
);

/** Any small JSON value, moderate numbers included. */
const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -5, max: 500 }),
  fc.constantFrom(0, -0, 1, 0.5, 1e308, -1e-300, 2 ** 53),
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.double({ min: -10, max: 500, noNaN: true }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 3 }), { maxKeys: 2 }),
);

type Mutation =
  | { kind: "drop"; pick: number }
  | { kind: "replace"; pick: number; value: Json }
  | { kind: "add"; key: string; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("drop" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), value: anyJson }),
  fc.record({
    kind: fc.constant("add" as const),
    key: fc.oneof(
      fc.string({ maxLength: 5 }),
      fc.constantFrom("__proto__", "constructor", "prototype", "type"),
    ),
    value: anyJson,
  }),
);

/** Every object of a spec (the spec itself, nested specs, plain objects in lists). */
function objectsIn(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((v) => objectsIn(v, out));
  else if (typeof value === "object" && value !== null) {
    out.push(value as Record<string, unknown>);
    Object.values(value).forEach((v) => objectsIn(v, out));
  }
  return out;
}

/** The spec with the mutations applied, each to one of its objects (JSON.parse keeps `__proto__` a key). */
function mutate(spec: unknown, mutations: readonly Mutation[], picks: readonly number[]): unknown {
  const copy = JSON.parse(JSON.stringify(spec)) as unknown;
  mutations.forEach((m, i) => {
    const objects = objectsIn(copy);
    const target = objects[picks[i]! % objects.length]!;
    const keys = Object.keys(target);
    if (m.kind === "drop" && keys.length > 0) delete target[keys[m.pick % keys.length]!];
    if (m.kind === "replace" && keys.length > 0) target[keys[m.pick % keys.length]!] = m.value;
    if (m.kind === "add")
      Object.defineProperty(target, m.key, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  });
  return JSON.parse(JSON.stringify(copy));
}

const STEPS = [0, 1, 2, 3, 7, 10, 50, 99, 100, 101, 500, 1000, 12345];

/** Whether every number of a spec is moderate: 0, or between 1e-6 and 1e6 in size. */
function moderate(value: unknown): boolean {
  if (typeof value === "number") return value === 0 || (Math.abs(value) >= 1e-6 && Math.abs(value) <= 1e6);
  if (Array.isArray(value)) return value.every(moderate);
  if (typeof value === "object" && value !== null) return Object.values(value).every(moderate);
  return true;
}

describe("fromSpec on specs from outside (fuzzed, fixed seed)", () => {
  it("builds a pure, round-tripping schedule (never NaN for moderate parameters, negative only where lint says so), or names the path of the problem", () => {
    let built = 0;
    let refused = 0;
    fc.assert(
      fc.property(
        anySpec,
        fc.array(mutation, { minLength: 0, maxLength: 3 }),
        fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
        (spec, mutations, picks) => {
          const input = mutate(spec, mutations, picks);
          let s: ReturnType<typeof fromSpec>;
          try {
            s = fromSpec(input);
          } catch (e) {
            if (!(e instanceof SpecError))
              expect.fail(`not a SpecError for ${JSON.stringify(input)}: ${String(e)}`);
            expect(e.path).toMatch(/^\$/);
            expect(e.message).toMatch(/^spec error at \$/);
            refused++;
            return;
          }
          built++;
          const forward = STEPS.map((t) => s(t));
          const backward = [...STEPS]
            .reverse()
            .map((t) => s(t))
            .reverse();
          expect(backward, "a pure function of the step").toEqual(forward);
          const copy = fromSpec(JSON.parse(JSON.stringify(s.spec)));
          STEPS.forEach((t, i) => {
            const v = forward[i]!;
            if (!Object.is(copy(t), v))
              expect.fail(`round trip differs at t=${t} for ${JSON.stringify(s.spec)}`);
            if (Number.isNaN(v) && moderate(s.spec))
              expect.fail(`${v} at t=${t} for ${JSON.stringify(s.spec)}`);
            // Negative only where an anchor's values of any sign are taken (Optax), and then lint says so.
            if (v < 0 && !lint(s, { steps: t + 1 }).some((d) => d.code === "negative-lr"))
              expect.fail(`${v} at t=${t}, not flagged by lint, for ${JSON.stringify(s.spec)}`);
          });
          expect(Number.isNaN(s(NaN)), `NaN at a NaN step for ${JSON.stringify(s.spec)}`).toBe(true);
        },
      ),
      { numRuns: 3000, seed: 20261207 },
    );
    // Both sides are exercised: most mutations are refused, many still build.
    expect(built).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(500);
  });
});
