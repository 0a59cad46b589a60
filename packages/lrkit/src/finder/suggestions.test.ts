import { describe, expect, it } from "vitest";
import { gradient, minimum, slide, steepest, SUGGESTIONS, trimCurve, valley } from "./suggestions.js";

// A typical range-test curve (flat, falling around 1e-3..1e-1, then diverging, with a wiggle), as in
// /tmp/golden/suggest.py; expected suggestions from fastai/callback/schedule.py's valley, slide,
// minimum and steep transcribed with numpy, on fastai's trimmed curve lrs[n//10:-5].
const n = 100;
const lrs = Array.from({ length: n }, (_, i) => 1e-7 * (10 / 1e-7) ** (i / (n - 1)));
const losses = lrs.map(
  (lr, i) =>
    2.3 -
    1.5 / (1 + Math.exp(-3 * (Math.log10(lr) + 2.5))) +
    0.02 * Math.sin(i) +
    (lr < 0.3 ? 0 : 5 * (lr - 0.3)),
);
const [from, to] = trimCurve(losses);
const l = lrs.slice(from, to);
const s = losses.slice(from, to);
const at = (i: number | undefined) => l[i!]!;

describe("suggestions", () => {
  it("trims the curve as fastai's lr_find does: lrs[n // 10 : -5], up to the first NaN", () => {
    expect(trimCurve(losses)).toEqual([10, 95]);
    expect(trimCurve([...losses.slice(0, 50), NaN, 1, 2])).toEqual([5, 48]);
    expect(trimCurve(losses.slice(0, 40), 100)).toEqual([10, 35]);
  });

  it("valley, slide, minimum / 10 and steepest agree with fastai's functions", () => {
    expect(at(valley(l, s))).toBeCloseTo(0.005857020818056661, 15);
    expect(at(slide()(l, s))).toBeCloseTo(0.0013219411484660286, 15);
    expect(at(minimum(l, s)) * SUGGESTIONS.minimum.scale).toBeCloseTo(0.029150530628251757, 15);
    expect(at(steepest(l, s))).toBeCloseTo(0.001917910261672489, 15);
  });

  it("give nothing on a curve that never falls", () => {
    const rising = [1, 2, 3, 4, 5];
    expect(valley([1, 2, 3, 4, 5], rising)).toBeUndefined();
    expect(steepest([1, 2, 3, 4, 5], rising)).toBeUndefined();
  });

  it("gradient is numpy.gradient", () => {
    expect(gradient([1, 2, 4, 7, 11])).toEqual([1, 1.5, 2.5, 3.5, 4]);
  });
});
