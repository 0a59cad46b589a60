import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyCase, combinatorCases, familyCases, type Case } from "../test/arbitraries.js";
import { fromSpec } from "./fromSpec.js";
import { parseText, toText } from "./text.js";

const STEPS = 1200;

function checkPromise({ spec, promise }: Case): void {
  const s = fromSpec(spec);
  let previous = s(0);
  for (let t = 0; t < STEPS; t++) {
    const v = s(t);
    if (!Number.isFinite(v)) expect.fail(`t=${t}: ${v} is not finite for ${toText(spec)}`);
    if (promise.bounds) {
      const [lo, hi] = promise.bounds;
      const slack = 1e-12 * Math.max(Math.abs(lo), Math.abs(hi));
      if (v < lo - slack || v > hi + slack)
        expect.fail(`t=${t}: ${v} outside [${lo}, ${hi}] for ${toText(spec)}`);
    }
    if (t > 0 && promise.nonIncreasing && t <= (promise.nonIncreasing.upTo ?? Infinity)) {
      if (v > previous * (1 + 1e-12))
        expect.fail(`t=${t}: rose from ${previous} to ${v} for ${toText(spec)}`);
    }
    if (t > 0 && promise.nonDecreasing && t <= promise.nonDecreasing.upTo) {
      if (v < previous * (1 - 1e-12))
        expect.fail(`t=${t}: fell from ${previous} to ${v} for ${toText(spec)}`);
    }
    previous = v;
  }
}

describe("every family and combinator", () => {
  for (const [type, arbitrary] of Object.entries({ ...familyCases, ...combinatorCases() })) {
    it(`${type}: values are finite, within the declared bounds, and monotone where promised`, () => {
      fc.assert(fc.property(arbitrary, checkPromise), { numRuns: 60 });
    });
  }
});

describe("specs", () => {
  it("fromSpec(JSON round trip of s.spec) equals s on 10,000 steps, for random valid specs", () => {
    fc.assert(
      fc.property(anyCase, ({ spec }) => {
        const s = fromSpec(spec);
        const copy = fromSpec(JSON.parse(JSON.stringify(s.spec)));
        expect(copy.spec).toEqual(s.spec);
        for (let t = 0; t < 10_000; t++) {
          if (!Object.is(copy(t), s(t))) expect.fail(`differs at t=${t} for ${toText(spec)}`);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the text syntax prints and parses back to the same spec, for random valid specs", () => {
    fc.assert(
      fc.property(anyCase, ({ spec }) => {
        const s = fromSpec(spec);
        expect(parseText(toText(s.spec)).spec).toEqual(s.spec);
      }),
      { numRuns: 300 },
    );
  });
});
