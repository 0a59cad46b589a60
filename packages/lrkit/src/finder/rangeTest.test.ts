import { afterEach, describe, expect, it, vi } from "vitest";
import { fromSpec } from "../spec/fromSpec.js";
import { regressionLearner } from "../test/regressionLearner.js";
import { rangeTest, RangeTestError, type RangeTestResult } from "./rangeTest.js";

const before = () => structuredClone(regressionLearner().state);

/** A few milliseconds of synchronous work, as a real training step does between two awaits. */
const busy = () => {
  const until = performance.now() + 2;
  while (performance.now() < until);
};

/**
 * Sweeps a learner that works synchronously in every step until `signal` aborts, and counts, on a
 * logical clock, how many steps had started when the signal's "abort" event fired.
 */
async function sweepUntilAborted(signal: AbortSignal) {
  let started = 0;
  let startedBeforeAbort: number | undefined;
  signal.addEventListener("abort", () => (startedBeforeAbort = started));
  const learner = regressionLearner({
    beforeStep: () => {
      started++;
      busy();
    },
  });
  // 2000 steps of 2 ms or more: far longer than the abort's delay, and the lr never diverges.
  const result = await rangeTest(learner, { start: 1e-7, end: 1e-3, iterations: 2000, signal });
  return { result, learner, started, startedBeforeAbort };
}

describe("rangeTest", () => {
  it("sweeps exponentially, sees the loss fall then diverge, stops, restores, and suggests lrs inside the sweep", async () => {
    const learner = regressionLearner();
    const initial = before();
    const result = await rangeTest(learner, { start: 1e-5, end: 10, iterations: 120 });
    expect(result.stoppedBy).toBe("divergence");
    expect(learner.state).toEqual(initial);
    expect(result.restored).toBe(true);
    expect(result.lrs[1]! / result.lrs[0]!).toBeCloseTo((10 / 1e-5) ** (1 / 119), 12);
    const low = result.smoothed.indexOf(Math.min(...result.smoothed));
    expect(result.smoothed[low]!).toBeLessThan(result.smoothed[0]! * 0.6);
    const last = result.smoothed[result.smoothed.length - 1]!;
    expect(last).toBeGreaterThan(4 * result.smoothed[low]!);
    for (const [name, lr] of Object.entries(result.suggestions)) {
      expect(lr, name).not.toBeNull();
      expect(lr!, name).toBeGreaterThanOrEqual(result.lrs[0]! * 0.1);
      expect(lr!, name).toBeLessThanOrEqual(result.lrs[result.lrs.length - 1]!);
    }
    // The consensus: the suggestion closest to the median of all of them in log-lr.
    const logs = Object.values(result.suggestions).map((v) => Math.log10(v!));
    const median = [...logs].sort((a, b) => a - b)[2]!;
    const distance = (v: number) => Math.abs(Math.log10(v) - median);
    expect(result.recommendedLr).toBe(result.suggestions[result.recommended!]);
    for (const v of Object.values(result.suggestions))
      expect(distance(result.recommendedLr!)).toBeLessThanOrEqual(distance(v!));
    expect(result.agreement).toBeGreaterThan(0);
    expect(result.agreement).toBeLessThanOrEqual(1);
    const oneCycle = fromSpec(result.schedules!.oneCycle);
    expect(Math.max(...Array.from({ length: 1000 }, (_, t) => oneCycle(t)))).toBeCloseTo(
      result.recommendedLr!,
      12,
    );
  });

  it("follows the MXNet tutorial: lr x1.1 from 1e-6, running mean, stop above twice the first loss after 20 steps", async () => {
    const learner = regressionLearner();
    const result = await rangeTest(learner, {
      start: 1e-6,
      multiplier: 1.1,
      end: 1e3,
      smoothing: "runningMean",
      beta: 0.3,
      divergeFactor: 2,
      divergeFrom: "first",
      minIterations: 20,
    });
    expect(result.stoppedBy).toBe("divergence");
    expect(result.lrs[1]).toBeCloseTo(1.1e-6, 18);
    const n = result.smoothed.length;
    expect(n).toBeGreaterThanOrEqual(20);
    expect(result.smoothed[n - 1]!).toBeGreaterThan(2 * result.losses[0]!);
    expect(result.smoothed.slice(0, n - 1).every((s, i) => i + 1 < 20 || s <= 2 * result.losses[0]!)).toBe(
      true,
    );
    // running mean: (1 - 0.3) * loss + 0.3 * mean
    expect(result.smoothed[1]).toBeCloseTo(0.7 * result.losses[1]! + 0.3 * result.losses[0]!, 12);
  });

  it("stops at the end of the sweep when the loss never diverges", async () => {
    const result = await rangeTest(regressionLearner(), { start: 1e-6, end: 1e-2, iterations: 30 });
    expect(result.stoppedBy).toBe("end");
    expect(result.lrs).toHaveLength(30);
    expect(result.lrs[29]).toBeCloseTo(1e-2, 15);
  });

  it("stops on a NaN loss and restores the model", async () => {
    const learner = regressionLearner({ nanAt: 10 });
    const initial = before();
    const result = await rangeTest(learner, { iterations: 50 });
    expect(result.stoppedBy).toBe("nan");
    expect(result.losses).toHaveLength(11);
    expect(result.losses[10]).toBeNaN();
    expect(learner.state).toEqual(initial);
  });

  it("restores the model when the learner throws, and rethrows with the partial curve", async () => {
    const learner = regressionLearner({ throwAt: 7 });
    const initial = before();
    let error: unknown;
    try {
      await rangeTest(learner, { iterations: 50 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RangeTestError);
    expect((error as RangeTestError).message).toMatch(
      /^rangeTest: the learner failed at step 7 \(lr [\d.e-]+\): out of memory; the model was restored$/,
    );
    expect((error as RangeTestError).partial.losses).toHaveLength(7);
    expect(((error as RangeTestError).cause as Error).message).toBe("out of memory");
    expect(learner.state).toEqual(initial);
  });

  it("stops on an AbortSignal and restores the model", async () => {
    const learner = regressionLearner();
    const initial = before();
    const controller = new AbortController();
    const result = await rangeTest(learner, {
      iterations: 100,
      signal: controller.signal,
      onProgress: ({ iteration }) => {
        if (iteration === 14) controller.abort();
      },
    });
    expect(result.stoppedBy).toBe("aborted");
    expect(result.lrs).toHaveLength(15);
    expect(learner.state).toEqual(initial);
  });

  describe("yields to the event loop before every step, so that an abort lands within one step", () => {
    afterEach(() => vi.unstubAllGlobals());

    for (const [how, hide] of [
      ["with setImmediate (Node)", false],
      ["with a MessageChannel (browsers, where there is no setImmediate)", true],
    ] as const) {
      it(`stops on AbortSignal.timeout while the learner's steps block, ${how}`, async () => {
        if (hide) vi.stubGlobal("setImmediate", undefined);
        const { result, learner, started, startedBeforeAbort } = await sweepUntilAborted(
          AbortSignal.timeout(20),
        );
        expect(result.stoppedBy).toBe("aborted");
        expect(learner.state).toEqual(before());
        expect(startedBeforeAbort).toBeDefined();
        // The steps that ran are those that started before the "abort" event, plus at most one.
        expect(result.lrs).toHaveLength(started);
        expect(started).toBeGreaterThanOrEqual(startedBeforeAbort!);
        expect(started).toBeLessThanOrEqual(startedBeforeAbort! + 1);
      });
    }

    it("stops on a Ctrl-C-style abort from a timer callback", async () => {
      const controller = new AbortController();
      // What a SIGINT handler does: abort a controller from a callback of the event loop.
      setTimeout(() => controller.abort(), 10);
      const { result, learner, started, startedBeforeAbort } = await sweepUntilAborted(controller.signal);
      expect(result.stoppedBy).toBe("aborted");
      expect(result.restored).toBe(true);
      expect(learner.state).toEqual(before());
      expect(result.lrs).toHaveLength(started);
      expect(started).toBeGreaterThanOrEqual(startedBeforeAbort!);
      expect(started).toBeLessThanOrEqual(startedBeforeAbort! + 1);
    });
  });

  it("accumulates gradients, uses the validation loss on request, and reports the spread over seeds", async () => {
    const learner = regressionLearner();
    const accumulated = await rangeTest(learner, { iterations: 60, accumulate: 4 });
    expect(learner.calls).toBeLessThanOrEqual(60);
    expect(accumulated.stoppedBy).toBe("divergence");
    const validated = await rangeTest(regressionLearner(), { iterations: 60, validation: true });
    expect(validated.losses.length).toBeGreaterThan(10);
    const seeded = await rangeTest(regressionLearner(), { iterations: 80, seeds: [1, 2, 3] });
    expect(seeded.sweeps.map((s) => s.seed)).toEqual([1, 2, 3]);
    expect(seeded.seedSpreadDecades.valley).not.toBeNull();
    expect(seeded.seedSpreadDecades.valley!).toBeGreaterThanOrEqual(0);
    expect(seeded.seedSpreadDecades.valley!).toBeLessThan(1);
  });

  it("hands onSweep the result so far after every sweep, the learner restored each time", async () => {
    const learner = regressionLearner();
    const initial = before();
    const seen: { sweeps: (number | null)[]; restored: boolean; result: RangeTestResult }[] = [];
    const result = await rangeTest(learner, {
      iterations: 40,
      seeds: [1, 2, 3],
      onSweep: (r) =>
        seen.push({
          sweeps: r.sweeps.map((s) => s.seed),
          restored: JSON.stringify(learner.state) === JSON.stringify(initial),
          result: structuredClone(r),
        }),
    });
    expect(seen.map((s) => [s.sweeps, s.restored])).toEqual([
      [[1], true],
      [[1, 2], true],
      [[1, 2, 3], true],
    ]);
    // Each is the result the test would give had it ended there: the first sweep's curve and
    // recommendation throughout, the spread over the sweeps so far.
    expect(seen[0]!.result).toMatchObject({ lrs: result.lrs, recommended: result.recommended });
    expect(seen[0]!.result.seedSpreadDecades.valley).toBe(0);
    expect(seen[1]!.result.sweeps).toEqual(result.sweeps.slice(0, 2));
    expect(seen[2]!.result).toEqual(result);
  });

  it("ends the test with onSweep's error, the learner restored and no further sweep run", async () => {
    const learner = regressionLearner();
    const initial = before();
    const full = new Error("ENOSPC: no space left on device");
    let calls = 0;
    let stepsAtError = 0;
    await expect(
      rangeTest(learner, {
        start: 1e-6,
        end: 1e-3,
        iterations: 30,
        seeds: [1, 2, 3],
        onSweep: () => {
          if (++calls === 2) {
            stepsAtError = learner.calls;
            throw full;
          }
        },
      }),
    ).rejects.toBe(full);
    expect([calls, stepsAtError, learner.calls]).toEqual([2, 60, 60]);
    expect(learner.state).toEqual(initial);
  });

  it("rejects bad options before touching the model", async () => {
    const learner = regressionLearner();
    await expect(rangeTest(learner, { start: 1, end: 0.1 })).rejects.toThrow(
      "rangeTest: end must exceed start (1), got 0.1",
    );
    await expect(rangeTest(learner, { iterations: 10, multiplier: 1.1 })).rejects.toThrow(
      "rangeTest: multiplier cannot be given together with iterations, got 1.1",
    );
    await expect(rangeTest(learner, { multiplier: 0.9 })).rejects.toThrow(
      "rangeTest: multiplier must be greater than 1, got 0.9",
    );
    await expect(rangeTest(learner, { seeds: [] })).rejects.toThrow(
      "rangeTest: seeds must hold a seed, got []",
    );
    expect(learner.calls).toBe(0);
    const { step, snapshot, restore } = learner;
    await expect(rangeTest({ step, snapshot, restore }, { validation: true })).rejects.toThrow(
      "rangeTest: validation needs a learner with validate(), got true",
    );
  });
});
