import { lint, toText, type Schedule } from "lrkit";
import { describe, expect, it } from "vitest";
import { d2lConfig, d2lHorizons, d2lScaleNotes, d2lSchedules } from "./d2lPreset.js";

/** The lr of each of 30 epochs of a schedule stepped per epoch. */
const epochLrs = (s: Schedule) => Array.from({ length: 30 }, (_, e) => s(e));
const PLAN = { steps: 30, unit: "epoch", epochs: 30, stepsPerEpoch: 235 } as const;

// The chapter's code (d2l-ai/d2l-en chapter_optimization/lr-scheduler.md, PyTorch tab, as in
// shared/seeds/d2l-lr-scheduling.txt), transcribed: its scheduler classes, PyTorch's MultiStepLR,
// and the loop of its `train`, which records the lr each epoch trains at.

class SquareRootScheduler {
  constructor(readonly lr = 0.1) {}
  call(numUpdate: number): number {
    return this.lr * Math.pow(numUpdate + 1.0, -0.5);
  }
}

class CosineScheduler {
  private baseLr: number | undefined;
  private readonly maxSteps: number;
  constructor(
    readonly maxUpdate: number,
    readonly baseLrOrig = 0.01,
    readonly finalLr = 0,
    readonly warmupSteps = 0,
    readonly warmupBeginLr = 0,
  ) {
    this.maxSteps = maxUpdate - warmupSteps;
  }
  call(epoch: number): number {
    if (epoch < this.warmupSteps)
      return this.warmupBeginLr + ((this.baseLrOrig - this.warmupBeginLr) * epoch) / this.warmupSteps;
    if (epoch <= this.maxUpdate)
      this.baseLr =
        this.finalLr +
        ((this.baseLrOrig - this.finalLr) *
          (1 + Math.cos((Math.PI * (epoch - this.warmupSteps)) / this.maxSteps))) /
          2;
    return this.baseLr!;
  }
}

/** PyTorch's MultiStepLR after `steps` calls of step(): base * gamma ** (milestones passed). */
const multiStepLR = (base: number, milestones: number[], gamma: number, steps: number) =>
  base * gamma ** milestones.filter((m) => m <= steps).length;

/**
 * The lrs of the chapter's `train(net, ..., trainer, device, scheduler)`: each epoch trains at the
 * optimizer's current lr; after it, a built-in scheduler steps, a custom one sets scheduler(epoch).
 */
function chapterLrs(initialLr: number, after: (epoch: number) => number, epochs = 30): number[] {
  const lrs: number[] = [];
  let lr = initialLr;
  for (let epoch = 0; epoch < epochs; epoch++) {
    lrs.push(lr);
    lr = after(epoch);
  }
  return lrs;
}

const CHAPTER: Record<string, number[]> = {
  constant: chapterLrs(0.3, () => 0.3),
  "square root": (() => {
    const s = new SquareRootScheduler(0.1);
    return chapterLrs(0.1, (e) => s.call(e));
  })(),
  "multi-factor": chapterLrs(0.5, (e) => multiStepLR(0.5, [15, 30], 0.5, e + 1)),
  // The notebook's plotting cell steps the scheduler 30 times (and the optimizer, without
  // gradients) before train: train starts from the lr after 30 steps and steps on from there.
  "multi-factor as run": chapterLrs(multiStepLR(0.5, [15, 30], 0.5, 30), (e) =>
    multiStepLR(0.5, [15, 30], 0.5, 30 + e + 1),
  ),
  cosine: (() => {
    const s = new CosineScheduler(20, 0.3, 0.01);
    return chapterLrs(0.3, (e) => s.call(e));
  })(),
  "cosine with warmup": (() => {
    const s = new CosineScheduler(20, 0.3, 0.01, 5);
    return chapterLrs(0.3, (e) => s.call(e));
  })(),
};

function expectClose(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    if (Math.abs(a - expected[i]!) > 1e-12 * Math.abs(expected[i]!))
      expect.fail(`epoch ${i}: got ${a}, the chapter's train gives ${expected[i]}`);
  });
}

describe("the d2l preset", () => {
  const runs = d2lSchedules();

  it("has the chapter's five runs (and multi-factor as the notebook ran it), with the chapter's scheduler names in their specs", () => {
    expect(runs.map((r) => [r.name, toText(r.schedule.spec), r.unit])).toEqual([
      ["constant", "constant(lr=0.3)", "epoch"],
      ["square root", "join([constant(lr=0.1), d2l.SquareRootScheduler(lr=0.1)], boundaries=[1])", "epoch"],
      ["multi-factor", "multiStep(lr=0.5, milestones=[15, 30], gamma=0.5)", "epoch"],
      ["multi-factor as run", "constant(lr=0.125)", "epoch"],
      [
        "cosine",
        "join([constant(lr=0.3), d2l.CosineScheduler(max_update=20, base_lr=0.3, final_lr=0.01)], boundaries=[1])",
        "epoch",
      ],
      [
        "cosine with warmup",
        "join([constant(lr=0.3), d2l.CosineScheduler(max_update=20, base_lr=0.3, final_lr=0.01, warmup_steps=5)], boundaries=[1])",
        "epoch",
      ],
    ]);
    expect(runs.map((r) => r.published?.metrics.val_acc)).toEqual([0.877, 0.886, 0.869, 0.869, 0.904, 0.901]);
    expect(runs[0]!.published).toEqual({
      metrics: { loss: 0.145, acc: 0.944, val_acc: 0.877 },
      source: "d2l.ai, Learning Rate Scheduling (PyTorch tab), 60k/10k, 30 epochs",
    });
  });

  it("trains each epoch at the lr of the chapter's train loop: epoch 0 at the optimizer's lr, then scheduler(e - 1)", () => {
    for (const run of runs) expectClose(epochLrs(run.schedule), CHAPTER[run.name]!);
    // Spot checks, by hand from the chapter's formulas.
    const lr = (name: string) => runs.find((r) => r.name === name)!.schedule;
    expect([0, 1, 2, 3].map(lr("square root"))).toEqual([0.1, 0.1, 0.1 * 2 ** -0.5, 0.1 * 3 ** -0.5]);
    expect([0, 14, 15, 29].map(lr("multi-factor"))).toEqual([0.5, 0.5, 0.25, 0.25]);
    expect([0, 1, 21, 29].map(lr("cosine"))).toEqual([0.3, 0.3, 0.01, 0.01]);
    expect([0, 1, 2, 6].map(lr("cosine with warmup"))).toEqual([0.3, 0, 0.06, 0.3]);
  });

  it("keeps the warmup run's epoch at lr 0, and lint flags it", () => {
    const warm = runs.find((r) => r.name === "cosine with warmup")!;
    const codes = lint(warm.schedule, PLAN).map((d) => [d.code, d.step]);
    expect(codes).toContainEqual(["zero-lr", 1]);
    expect(warm.note).toMatch(/epoch 1 at scheduler\(0\) = warmup_begin_lr = 0.*lint: zero-lr/);
  });

  it("is the chapter's experiment at 30 epochs: LeNet, Fashion-MNIST 60k/10k, SGD, batch 256", () => {
    expect(d2lConfig()).toMatchObject({
      source: { model: "lenet", data: "fashion-mnist", trainSize: 60000, testSize: 10000, seed: 0 },
      epochs: 30,
      batchSize: 256,
      optimizer: "sgd",
    });
    expect(d2lScaleNotes({ epochs: 30, trainSize: 60000, testSize: 10000 })).toEqual([]);
  });

  it("scales milestones and horizons to a shorter run, and says so", () => {
    expect(d2lHorizons(30)).toEqual({ milestones: [15, 30], maxUpdate: 20, warmupSteps: 5 });
    expect(d2lHorizons(12)).toEqual({ milestones: [6, 12], maxUpdate: 8, warmupSteps: 2 });
    expect(d2lHorizons(2)).toEqual({ milestones: [1, 2], maxUpdate: 2, warmupSteps: 1 });
    expect(d2lConfig({ epochs: 12 }).schedules.map((r) => toText(r.schedule.spec))).toContain(
      "join([constant(lr=0.3), d2l.CosineScheduler(max_update=8, base_lr=0.3, final_lr=0.01, warmup_steps=2)], boundaries=[1])",
    );
    expect(d2lScaleNotes({ epochs: 12, trainSize: 10000, testSize: 2000 })).toEqual([
      "Trained on the first 10,000 training and 2,000 test images (balanced prefixes) instead of the chapter's 60,000 / 10,000.",
      "12 epochs instead of the chapter's 30: milestones and horizons scaled by 12/30 (multi-factor milestones 15, 30 -> 6, 12; cosine max_update 20 -> 8; warmup_steps 5 -> 2).",
      "The chapter's published figures are for its full scale: compare the ranking, not the digits.",
    ]);
  });
});
