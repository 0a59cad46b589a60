import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { constant } from "./families/constant.js";
import * as p from "./params.js";
import { ParameterRangeError, ParameterTypeError, parseParams } from "./params.js";
import { expectThrow } from "./test/expect.js";

const params = v.strictObject({
  lr: p.nonNegative("The lr."),
  steps: p.positiveInt("The horizon."),
  schedule: v.optional(p.schedule("A schedule.")),
  mode: v.optional(p.oneOf(["a", "b"], "A mode."), "a"),
  list: v.optional(p.numbers("Numbers.")),
  dict: v.optional(p.record(p.nonNegative(), "must be an object {step: scale}", "A dict.")),
});
const parse = (input: unknown) => parseParams("f", params, input);

describe("parseParams", () => {
  it("returns the options with the defaults filled in", () => {
    expect(parse({ lr: 0.1, steps: 3 })).toEqual({ lr: 0.1, steps: 3, mode: "a" });
  });

  it("throws a TypeError for a missing, unknown or wrongly typed parameter", () => {
    expectThrow(() => parse({ steps: 3 }), ParameterTypeError, "f: lr is required");
    expectThrow(() => parse({ lr: undefined, steps: 3 }), ParameterTypeError, "f: lr is required");
    expectThrow(
      () => parse({ lr: "1", steps: 3 }),
      ParameterTypeError,
      'f: lr must be a finite number, got "1"',
    );
    expectThrow(
      () => parse({ lr: Infinity, steps: 3 }),
      ParameterTypeError,
      "f: lr must be a finite number, got Infinity",
    );
    expectThrow(
      () => parse({ lr: 1, steps: "3" }),
      ParameterTypeError,
      'f: steps must be a positive integer, got "3"',
    );
    expectThrow(
      () => parse({ lr: 1, steps: 3, list: [1, NaN] }),
      ParameterTypeError,
      "f: list[1] must be a finite number, got NaN",
    );
    expectThrow(
      () => parse({ lr: 1, steps: 3, dict: [1] }),
      ParameterTypeError,
      "f: dict must be an object {step: scale}, got [1]",
    );
    expectThrow(() => parse(null), ParameterTypeError, "f: options must be an object, got null");
  });

  it("names the value of a missing schedule as a given undefined would be", () => {
    const withSchedule = v.strictObject({ schedule: p.schedule("A schedule.") });
    expectThrow(
      () => parseParams("g", withSchedule, {}),
      ParameterTypeError,
      "g: schedule must be a schedule, got undefined",
    );
    expect(parseParams("g", withSchedule, { schedule: constant({ lr: 1 }) }).schedule(0)).toBe(1);
  });

  it("throws a RangeError for a value of the right type outside its domain, an enum's included", () => {
    expectThrow(
      () => parse({ lr: -1, steps: 3 }),
      ParameterRangeError,
      "f: lr must be a non-negative number, got -1",
    );
    expectThrow(
      () => parse({ lr: 1, steps: 1.5 }),
      ParameterRangeError,
      "f: steps must be a positive integer, got 1.5",
    );
    expectThrow(
      () => parse({ lr: 1, steps: 3, mode: "c" }),
      ParameterRangeError,
      'f: mode must be one of "a", "b", got "c"',
    );
    expectThrow(
      () => parse({ lr: 1, steps: 3, dict: { 5: -1 } }),
      ParameterRangeError,
      "f: dict.5 must be a non-negative number, got -1",
    );
  });

  it("reports an unknown parameter before any other problem, and the first parameter's problem first", () => {
    expectThrow(
      () => parse({ lr: -1, zzz: 1 }),
      ParameterTypeError,
      'f: unknown parameter "zzz" (parameters: lr, steps, schedule, mode, list, dict)',
    );
    expectThrow(
      () => parse({ steps: 0, lr: -1 }),
      ParameterRangeError,
      "f: lr must be a non-negative number, got -1",
    );
  });

  it("names a nested parameter by its path", () => {
    const nested = v.strictObject({
      cycles: v.array(v.strictObject({ lr: p.nonNegative() }), "must be a list"),
    });
    expectThrow(
      () => parseParams("h", nested, { cycles: [{ lr: 1 }, {}] }),
      ParameterTypeError,
      "h: cycles[1].lr is required",
    );
    expectThrow(
      () => parseParams("h", nested, { cycles: [{ lr: 1, x: 2 }] }),
      ParameterTypeError,
      'h: unknown parameter "cycles[0].x"',
    );
  });
});

describe("show", () => {
  it("writes non-finite numbers inside lists and objects as JavaScript does, not as JSON's null", () => {
    expect(p.show([NaN, 1, -Infinity])).toBe("[NaN,1,-Infinity]");
    expect(p.show({ a: Infinity })).toBe('{"a":Infinity}');
    expect(p.show([null])).toBe("[null]");
  });
});
