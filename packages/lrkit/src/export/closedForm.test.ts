import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sample, type ScheduleSpec } from "../schedule.js";
import { compileFormula } from "../spec/formula.js";
import { fromSpec } from "../spec/fromSpec.js";
import { parseSpec } from "../spec/parse.js";
import type { CoreFamily } from "../spec/family.js";
import { coreFamilies, combinators, registry } from "../spec/registry.js";
import { combinatorCases, familyCases } from "../test/arbitraries.js";
import { close, expectThrow } from "../test/expect.js";
import { closedForm, hasClosedForm } from "./closedForm.js";
import { ExportError } from "./expr.js";
import "../presets/index.js"; // registers the presets, for fromSpec and the text syntax

const N = 400;

/** The closed form, compiled with Python's semantics (it throws where CPython would raise). */
function expectSameValues(spec: ScheduleSpec, n = N): void {
  const form = closedForm(spec, { steps: n });
  const f = compileFormula(form, { semantics: "python" });
  const expected = sample(fromSpec(spec), n);
  for (let t = 0; t < n; t++) {
    const got = f(t);
    // One libm ulp of cos/pow can grow through a subtraction: 1e-12 relative, or 1e-15 of the peak.
    if (!close(got, expected[t]!, 1e-12, 1e-15 * Math.max(...expected.map(Math.abs)))) {
      expect.fail(`${JSON.stringify(spec)} at t = ${t}: closed form ${got}, lrkit ${expected[t]}\n${form}`);
    }
  }
}

describe("closedForm", () => {
  it("is plain formula-language text for simple families", () => {
    expect(closedForm({ type: "step", lr: 0.1, stepSize: 30 })).toBe("0.1 * 0.1 ** floor(t / 30)");
    expect(closedForm({ type: "cosine", lr: 0.3, steps: 20, minLr: 0.01 })).toBe(
      "0.01 + (0.29 * (1 + cos(pi * (min(t, 20) / 20)))) / 2",
    );
    expect(closedForm(parseSpec("multiStep(lr=0.5, milestones=[15, 30], gamma=0.5)"))).toBe(
      "0.5 * 0.5 ** (min(max(floor(t - 15) + 1, 0), 1) + min(max(floor(t - 30) + 1, 0), 1))",
    );
  });

  const hasForm = (type: string) => typeof (registry.get(type) as CoreFamily).closedForm === "function";

  for (const family of [...coreFamilies, ...combinators]) {
    if (!hasForm(family.type)) continue;
    it(`reproduces ${family.type}: its registered example, with Python's semantics`, () => {
      expectSameValues(parseSpec(family.example!));
    });
  }

  it("reproduces every registered core family on random parameters (fast-check)", () => {
    for (const [type, arb] of Object.entries(familyCases)) {
      if (!hasForm(type)) continue;
      fc.assert(
        fc.property(arb, ({ spec }) => expectSameValues(spec, 120)),
        { numRuns: 40, seed: 7 },
      );
    }
  });

  it("reproduces every registered combinator around random schedules (fast-check)", () => {
    const cases = combinatorCases();
    for (const [type, arb] of Object.entries(cases)) {
      if (!hasForm(type)) continue;
      fc.assert(
        fc.property(arb, ({ spec }) => expectSameValues(spec, 120)),
        { numRuns: 40, seed: 11 },
      );
    }
  });

  it("reproduces growing cycles up to the step bound, and custom cyclic scales", () => {
    expectSameValues({ type: "sgdr", lr: 0.1, period: 3, periodMult: 3, minLr: 0.001, decay: 0.7 }, 400);
    expectSameValues({
      type: "sgdr",
      lr: 0.1,
      period: 5,
      periodMult: 1.5,
      k: 2,
      decayMode: "amplitude",
      cycleLimit: 4,
    });
    expectSameValues(
      parseSpec("repeat(linear(from=1, to=0, steps=7), period=7, periodMult=2, decay=0.5, limit=4)"),
    );
    expectSameValues(
      parseSpec(
        'cyclic(baseLr=0.1, maxLr=1, stepsUp=3, stepsDown=5, scale="1 / (x + 1)", scaleMode="iterations")',
      ),
    );
    expectSameValues(
      parseSpec("wsd(lr=1, steps=100, decaySteps=30, stable=rsqrt, stableTimescale=10, decay=exponential)"),
    );
  });

  it("writes a preset as its core composition, and refuses a preset that is its own closure", () => {
    // d2l's CosineScheduler without warmup is a cosine from base_lr to final_lr over max_update.
    expect(closedForm(parseSpec("d2l.CosineScheduler(max_update=20, base_lr=0.3, final_lr=0.01)"))).toBe(
      closedForm(parseSpec("cosine(lr=0.3, steps=20, minLr=0.01)")),
    );
    expect(hasClosedForm(parseSpec("keras.CosineDecay(0.1, 50)"))).toBe(true);
    expect(hasClosedForm(parseSpec("keras.CosineDecayRestarts(0.1, 10)"))).toBe(false);
    expectThrow(
      () => closedForm(parseSpec("keras.CosineDecayRestarts(0.1, 10)")),
      ExportError,
      "export: the preset keras.CosineDecayRestarts has no closed form (lrkit builds it as its own closure)",
    );
  });

  it("refuses noise, and growing cycles without a bound", () => {
    expectThrow(
      () => closedForm(parseSpec("noise(constant(lr=1), seed=3)")),
      ExportError,
      "export: noise has no closed form (its values come from a seeded generator)",
    );
    expectThrow(
      () => closedForm({ type: "sgdr", lr: 1, period: 2, periodMult: 2 }),
      ExportError,
      "export: sgdr with periodMult > 1 and no cycle limit needs the number of steps (cycles are counted up to it)",
    );
    expect(hasClosedForm(parseSpec("warmup(cosine(lr=1, steps=3), steps=2)"))).toBe(true);
    expect(hasClosedForm(parseSpec("warmup(noise(cosine(lr=1, steps=3)), steps=2)"))).toBe(false);
  });
});
