import { describe, expect, it } from "vitest";
import { expectThrow, expectValues } from "../test/expect.js";
import { cyclic } from "./cyclic.js";

describe("cyclic", () => {
  it("halves the amplitude every cycle in triangular2 mode, with separate up and down lengths (PyTorch CyclicLR)", () => {
    // Expected: the lr read before each step() of CyclicLR(base_lr=0.001, max_lr=0.006, step_size_up=4,
    // step_size_down=6, mode='triangular2'), torch 1.13.1.
    expectValues(
      cyclic({ baseLr: 0.001, maxLr: 0.006, stepsUp: 4, stepsDown: 6, mode: "triangular2" }),
      [
        0.001, 0.002250000000000001, 0.0034999999999999996, 0.004750000000000001, 0.005999999999999999,
        0.005166666666666667, 0.004333333333333333, 0.0035000000000000005, 0.002666666666666666,
        0.0018333333333333342, 0.001, 0.0016250000000000006, 0.002250000000000001, 0.002874999999999999,
        0.0034999999999999996, 0.0030833333333333333, 0.002666666666666666, 0.0022499999999999994,
        0.0018333333333333342, 0.0014166666666666672, 0.001, 0.0013125000000000003, 0.0016250000000000006,
        0.0019374999999999996, 0.00225, 0.0020416666666666665, 0.001833333333333333, 0.0016249999999999997,
        0.0014166666666666672, 0.0012083333333333336, 0.001, 0.0011562499999999995, 0.0013125000000000003,
        0.0014687499999999998, 0.0016249999999999997, 0.0015208333333333332, 0.0014166666666666672,
        0.0013124999999999999, 0.0012083333333333336, 0.0011041666666666663,
      ],
    );
  });

  it("shrinks by gamma^t in exp_range mode (PyTorch CyclicLR(step_size_up=5, mode='exp_range', gamma=0.97))", () => {
    expectValues(
      cyclic({ baseLr: 0.001, maxLr: 0.006, stepsUp: 5, mode: "exp_range", gamma: 0.97 }),
      [
        0.001, 0.001970000000000001, 0.0028817999999999995, 0.0037380190000000004, 0.004541171239999999,
        0.0052936701285, 0.004331888019715999, 0.00342394853434339, 0.0025674867188753914,
        0.0017602310586545657, 0.001, 0.001715301403088081, 0.002387684721990877, 0.0030190812704967225,
        0.0036113451098424287, 0.004166255945683946, 0.0034570146138507415, 0.0027874781315764137,
        0.0021559025250860826, 0.00156061272466675, 0.001, 0.001527480512638945, 0.0020233121945195534,
        0.0024889192430259475, 0.002925668887646893, 0.0033348735262718585, 0.002811861856386962,
        0.0023181295005215144, 0.001852390410337247, 0.0014134093490135648, 0.001, 0.0013889768564868616,
        0.0017546151015845144, 0.002097964972805467, 0.002420034698161739, 0.0027217920715211074,
        0.0023361106475003803, 0.0019720204960565254, 0.0016285732541165539, 0.0013048580282465274,
      ],
    );
  });

  it("takes a custom scale formula, per cycle or per step", () => {
    const custom = cyclic({ baseLr: 0, maxLr: 1, stepsUp: 5, scale: "1 / (2 ** (x - 1))" });
    const triangular2 = cyclic({ baseLr: 0, maxLr: 1, stepsUp: 5, mode: "triangular2" });
    for (let t = 0; t < 40; t++) expect(custom(t)).toBe(triangular2(t));
    const perStep = cyclic({ baseLr: 0, maxLr: 1, stepsUp: 5, scale: "0.9 ** x", scaleMode: "iterations" });
    expect(perStep(5)).toBeCloseTo(0.9 ** 5, 15);
  });

  it("rejects an unknown mode and a malformed scale formula, naming the column", () => {
    expectThrow(
      () => cyclic({ baseLr: 0, maxLr: 1, stepsUp: 5, mode: "sine" as never }),
      RangeError,
      'cyclic: mode must be one of "triangular", "triangular2", "exp_range", got "sine"',
    );
    expectThrow(
      () => cyclic({ baseLr: 0, maxLr: 1, stepsUp: 5, scale: "x ** y" }),
      RangeError,
      'cyclic: scale is not a valid formula (Unknown name "y" (the variable is "x"; constants: pi) at column 6), got "x ** y"',
    );
  });
});
