import { describe, expect, it } from "vitest";
import { expectThrow } from "../test/expect.js";
import { parseSchedule, parseSpec } from "./parse.js";
import { SpecError } from "./specError.js";
import { SpecSyntaxError } from "./syntaxError.js";
import { parseText, toText } from "./text.js";

describe("the text syntax", () => {
  it("mirrors the spec: positional then named arguments, nested calls, lists, bare words", () => {
    expect(parseText("warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)").spec).toEqual({
      type: "warmup",
      schedule: { type: "cosine", lr: 0.3, steps: 25, minLr: 0.01 },
      steps: 5,
    });
    expect(parseText("cosine(0.1, 100, after=periodic)").spec).toEqual({
      type: "cosine",
      lr: 0.1,
      steps: 100,
      after: "periodic",
    });
    expect(parseText("multiStep(lr=1e-1, milestones=[15, 30], gamma=+0.5)").spec).toEqual({
      type: "multiStep",
      lr: 0.1,
      milestones: [15, 30],
      gamma: 0.5,
    });
    expect(parseText("polynomial(lr=1, steps=10, cycle=True, endLr=None)").spec).toEqual({
      type: "polynomial",
      lr: 1,
      steps: 10,
      cycle: true,
    });
    expect(parseText('formula("0.95 ** t")').spec).toEqual({ type: "formula", expr: "0.95 ** t" });
    expect(parseText("join([constant(lr=1), constant(lr=2)], [5])").spec).toEqual({
      type: "join",
      schedules: [
        { type: "constant", lr: 1 },
        { type: "constant", lr: 2 },
      ],
      boundaries: [5],
    });
  });

  it("prints specs back, the leading schedule positionally", () => {
    expect(toText({ type: "warmup", steps: 5, schedule: { type: "cosine", lr: 0.3, steps: 25 } })).toBe(
      "warmup(cosine(lr=0.3, steps=25), steps=5)",
    );
    expect(toText({ type: "formula", expr: "0.95 ** t" })).toBe('formula("0.95 ** t")');
    expect(toText({ type: "cyclic", baseLr: 0.001, maxLr: 0.1, stepsUp: 5, mode: "exp_range" })).toBe(
      'cyclic(baseLr=0.001, maxLr=0.1, stepsUp=5, mode="exp_range")',
    );
  });

  it("says where a syntax error is and what was expected", () => {
    expectThrow(
      () => parseText("cosine(lr=0.3, steps=10"),
      SpecSyntaxError,
      "Unexpected token at column 24\ncosine(lr=0.3, steps=10\n                       ^",
    );
    expectThrow(
      () => parseText("cosin(lr=0.3)"),
      SpecSyntaxError,
      /^Unknown schedule type "cosin" \(`lrkit types` lists them\) at column 1/,
    );
    expectThrow(
      () => parseText("cosine(lr=0.3, stesp=10)"),
      SpecSyntaxError,
      /^cosine has no parameter "stesp" \(parameters: lr, steps, minLr, after, exponent, k\) at column 16/,
    );
    expectThrow(
      () => parseText("cosine(lr=0.3, 10)"),
      SpecSyntaxError,
      /^Positional arguments must come before named ones at column 16/,
    );
    expectThrow(
      () => parseText("cosine(0.3, lr=0.3)"),
      SpecSyntaxError,
      /^Parameter "lr" is given twice at column 13/,
    );
    expectThrow(
      () => parseText("cosine(lr=t => 1)"),
      SpecSyntaxError,
      /^Expected a number, string, list, object or schedule at column 11/,
    );
    expectThrow(
      () => parseText("cosine(lr=0.1)\n  junk"),
      SpecSyntaxError,
      /^Unexpected text after the expression at line 2, column 3/,
    );
  });

  it("says where a parameter error is, by column in text and by path in JSON", () => {
    expectThrow(
      () => parseSchedule("warmup(cosine(lr=0.3, steps=0, minLr=0.01), steps=5)"),
      SpecError,
      "spec error at $.schedule.steps (line 1, column 29): cosine: steps must be a positive number, got 0",
    );
    expectThrow(
      () =>
        parseSchedule(
          '{"type": "warmup", "schedule": {"type": "cosine", "lr": 0.3, "steps": -1}, "steps": 5}',
        ),
      SpecError,
      "spec error at $.schedule.steps: cosine: steps must be a positive number, got -1",
    );
    expectThrow(
      () => parseSchedule("join([cosine(lr=1, steps=5), cosine(lr=1)], [5])"),
      SpecError,
      "spec error at $.schedules[1].steps (line 1, column 30): cosine: steps is required",
    );
    expectThrow(() => parseSpec('{"type": "cosine",'), SpecError, /^spec error at \$: invalid JSON: /);
  });
});
