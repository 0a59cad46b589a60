// Specs from outside (files, URLs, checkpoints) that must be refused with a SpecError naming the
// path, not built into something else or overflowing the stack (issue: "Nothing lost, nothing
// silently wrong").
import { describe, expect, it } from "vitest";
import { expectThrow } from "../test/expect.js";
import { MAX_SPEC_DEPTH } from "./depth.js";
import { fromSpec } from "./fromSpec.js";
import { parseSchedule } from "./parse.js";
import { SpecError } from "./specError.js";
import { SpecSyntaxError } from "./syntaxError.js";

describe("specs from outside", () => {
  it('refuses "__proto__" in JSON, which would smuggle a parameter its saved spec then drops', () => {
    const text = '{"type":"multiStep","lr":0.5,"milestones":[15,30],"__proto__":{"gamma":0.5}}';
    expectThrow(
      () => parseSchedule(text),
      SpecError,
      'spec error at $.__proto__: "__proto__" is not a parameter of any schedule',
    );
    expectThrow(() => fromSpec(JSON.parse(text)), SpecError, /^spec error at \$\.__proto__:/);
  });

  it("refuses constructor and prototype too, at any depth, in nested specs and plain objects", () => {
    const inner = { type: "cosine", lr: 0.3, steps: 20, constructor: 1 };
    expectThrow(
      () => fromSpec({ type: "warmup", schedule: inner, steps: 5 }),
      SpecError,
      /^spec error at \$\.schedule\.constructor: "constructor" is not a parameter/,
    );
    const values = JSON.parse('{"0": 0.1, "prototype": 0.2}');
    expectThrow(
      () => fromSpec({ type: "piecewiseConstant", boundaries: [10], values: [values, 0.1] }),
      SpecError,
      /^spec error at \$\.values\[0\]\.prototype:/,
    );
  });

  it(`refuses JSON nested deeper than ${MAX_SPEC_DEPTH} levels with a SpecError, not a stack overflow`, () => {
    let spec: unknown = { type: "constant", lr: 0.1 };
    for (let i = 0; i < 5000; i++) spec = { type: "warmup", schedule: spec, steps: 1 };
    const error = expectThrow(() => fromSpec(spec), SpecError, /nests deeper than 200 levels/);
    expect((error as SpecError).path).toMatch(/^\$(\.schedule){200}/);
    let shallow: unknown = { type: "constant", lr: 0.1 };
    for (let i = 0; i < 50; i++) shallow = { type: "warmup", schedule: shallow, steps: 1 };
    expect(fromSpec(shallow)(0)).toBeGreaterThan(0);
  });

  it("refuses text and formulas nested deeper than the limit with a SyntaxError at the bracket", () => {
    const text = "warmup(".repeat(1000) + "constant(lr=0.1)" + ", steps=1)".repeat(1000);
    const error = expectThrow(
      () => parseSchedule(text),
      SpecSyntaxError,
      /Brackets nest deeper than 200 levels/,
    );
    expect((error as SpecSyntaxError).offset).toBe("warmup(".length * 201 - 1);
    const formula = `formula("${"(".repeat(5000)}t${")".repeat(5000)}")`;
    // A formula is a string: its own parser refuses it, and the spec error names the parameter.
    expectThrow(
      () => parseSchedule(formula),
      SpecError,
      /^spec error at \$\.expr .*Brackets nest deeper than 200 levels/,
    );
    expectThrow(
      () => parseSchedule(`formula("${"-".repeat(50000)}t")`),
      SpecError,
      /^spec error at \$\.expr .*The expression nests too deeply/,
    );
  });
});
