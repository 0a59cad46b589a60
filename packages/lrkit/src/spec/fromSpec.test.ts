import { describe, expect, it } from "vitest";
import { warmup } from "../compose/warmup.js";
import { cosine } from "../families/cosine.js";
import { ParameterRangeError } from "../params.js";
import { expectThrow } from "../test/expect.js";
import { describeParams } from "./describe.js";
import { fromSpec } from "./fromSpec.js";
import { registry } from "./registry.js";
import { SpecError } from "./specError.js";

describe("fromSpec", () => {
  it("rebuilds a schedule from its JSON spec", () => {
    const s = warmup(cosine({ lr: 0.3, steps: 25, minLr: 0.01 }), { steps: 5 });
    const copy = fromSpec(JSON.parse(JSON.stringify(s.spec)));
    for (let t = 0; t < 40; t++) expect(copy(t)).toBe(s(t));
    expect(copy.horizon).toBe(s.horizon);
  });

  it("names the JSON path of every problem, keeping the factory's error as the cause", () => {
    expectThrow(
      () => fromSpec(42),
      SpecError,
      'spec error at $: expected a schedule spec (an object with a "type"), got 42',
    );
    expectThrow(
      () => fromSpec({ lr: 1 }),
      SpecError,
      "spec error at $.type: expected the schedule type as a string, got undefined",
    );
    expectThrow(
      () => fromSpec({ type: "cosin" }),
      SpecError,
      'spec error at $.type: unknown schedule type "cosin" (`lrkit types` lists them)',
    );
    expectThrow(
      () => fromSpec({ type: "cosine", lr: 1, steps: 10, stpes: 3 }),
      SpecError,
      'spec error at $.stpes: cosine: unknown parameter "stpes" (parameters: lr, steps, minLr, after, exponent, k)',
    );
    expectThrow(
      () => fromSpec({ type: "multiStep", lr: 1, milestones: [3, -1] }),
      SpecError,
      "spec error at $.milestones[1]: multiStep: milestones[1] must be non-negative, got -1",
    );
    try {
      fromSpec({ type: "scale", schedule: { type: "constant", lr: 1 }, factor: -2 });
    } catch (e) {
      expect((e as SpecError).path).toBe("$.factor");
      expect((e as SpecError).cause).toBeInstanceOf(ParameterRangeError);
    }
  });

  it("knows every family, combinator and preset, each with a summary and described parameters", () => {
    expect(registry.size).toBeGreaterThanOrEqual(26);
    for (const family of registry.values()) {
      expect(family.summary.length, family.type).toBeGreaterThan(10);
      for (const { name, help } of describeParams(family)) {
        expect(help, `${family.type}.${name}`).toBeTruthy();
      }
    }
  });
});
