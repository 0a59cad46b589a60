/**
 * The schedule experiments of d2l's chapter "Learning Rate Scheduling" (PyTorch tab) as a compare
 * config: LeNet on Fashion-MNIST, SGD, batch 256, 30 epochs, five schedules stepped per epoch the
 * way the chapter's `train` steps them.
 *
 * The chapter's own scheduler objects are applied after each epoch, `param_group['lr'] =
 * scheduler(epoch)`, so epoch 0 trains at the optimizer's initial lr and epoch e >= 1 at
 * `scheduler(e - 1)`: `join([constant(lr=initial), d2l.X(...)], [1])`. PyTorch's MultiStepLR is
 * `scheduler.step()` after each epoch: `multiStep(...)` stepped per epoch.
 *
 * @module
 */
import { parseSchedule, type Schedule } from "lrkit";
import "lrkit/presets"; // the anchors' presets, by name in schedules
import type { ScheduleEntry } from "@lrkit/compare";
import type { CompareConfig } from "./config.js";

/** The chapter's scale: the whole of Fashion-MNIST, 30 epochs, batch 256. */
export const D2L_CHAPTER = { trainSize: 60000, testSize: 10000, epochs: 30, batchSize: 256 } as const;

/**
 * The chapter's published final figures (PyTorch tab), by run name, by log name: its train loss
 * (`loss`), train accuracy (`acc`) and test accuracy (`val_acc`: the demo validates on the test split).
 */
export const D2L_PUBLISHED: Readonly<Record<string, { loss: number; acc: number; val_acc: number }>> = {
  constant: { loss: 0.145, acc: 0.944, val_acc: 0.877 },
  "square root": { loss: 0.273, acc: 0.9, val_acc: 0.886 },
  "multi-factor": { loss: 0.194, acc: 0.927, val_acc: 0.869 },
  "multi-factor as run": { loss: 0.194, acc: 0.927, val_acc: 0.869 },
  cosine: { loss: 0.159, acc: 0.942, val_acc: 0.904 },
  "cosine with warmup": { loss: 0.181, acc: 0.934, val_acc: 0.901 },
};

const SOURCE = "d2l.ai, Learning Rate Scheduling (PyTorch tab), 60k/10k, 30 epochs";

/** The scale of a run of the d2l set. */
export interface D2lScale {
  /** Epochs. Defaults to 30; the milestones and horizons are scaled by epochs / 30. */
  readonly epochs?: number;
  /** Training examples. Defaults to 60,000. */
  readonly trainSize?: number;
  /** Test examples. Defaults to 10,000. */
  readonly testSize?: number;
}

/** The chapter's milestones and horizons at `epochs` epochs (exactly the chapter's at 30). */
export function d2lHorizons(epochs: number) {
  const k = epochs / D2L_CHAPTER.epochs;
  const at = (chapter: number, min: number) => Math.max(min, Math.round(chapter * k));
  const first = at(15, 1);
  const maxUpdate = at(20, 2);
  return {
    milestones: [first, Math.max(first + 1, at(30, 1))] as const,
    maxUpdate,
    warmupSteps: Math.min(maxUpdate - 1, at(5, 1)),
  };
}

/**
 * The five runs of the chapter (and the multi-factor run as its notebook really ran it), scaled to `epochs` (the chapter's own numbers at 30).
 *
 * @param epochs - the run length in epochs; milestones (15, 30), `max_update` (20) and
 *   `warmup_steps` (5) are scaled by epochs / 30 and rounded.
 */
export function d2lSchedules(
  epochs: number = D2L_CHAPTER.epochs,
): (ScheduleEntry & { schedule: Schedule })[] {
  const h = d2lHorizons(epochs);
  const cos = `max_update=${h.maxUpdate}, base_lr=0.3, final_lr=0.01`;
  const runs: [string, string, string][] = [
    ["constant", "constant(lr=0.3)", "torch.optim.SGD(lr=0.3) and no scheduler."],
    [
      "square root",
      "join([constant(lr=0.1), d2l.SquareRootScheduler(lr=0.1)], [1])",
      "SGD(lr=0.1) and the chapter's SquareRootScheduler(lr=0.1), applied after each epoch " +
        "(param_group['lr'] = scheduler(epoch)): epoch 0 trains at 0.1, epoch e >= 1 at scheduler(e - 1).",
    ],
    [
      "multi-factor",
      `multiStep(lr=0.5, milestones=[${h.milestones.join(", ")}], gamma=0.5)`,
      `SGD(lr=0.5) and MultiStepLR(milestones=[${h.milestones.join(", ")}], gamma=0.5), scheduler.step() after each epoch. ` +
        "In the chapter's notebook the plotting cell had already stepped this scheduler 30 times before train, " +
        "so its published run trained at 0.125 throughout (the next run); this run follows the code as intended.",
    ],
    [
      "multi-factor as run",
      "constant(lr=0.125)",
      "The multi-factor run as the chapter's notebook actually trained it: its plotting cell stepped " +
        "MultiStepLR(milestones=[15, 30], gamma=0.5) 30 times before train, past both milestones, so every " +
        "epoch ran at 0.5 * 0.5 * 0.5 = 0.125. The chapter's published multi-factor figures are this run's.",
    ],
    [
      "cosine",
      `join([constant(lr=0.3), d2l.CosineScheduler(${cos})], [1])`,
      `SGD(lr=0.3) and CosineScheduler(${cos}) applied after each epoch: epoch 0 at 0.3, then scheduler(e - 1).`,
    ],
    [
      "cosine with warmup",
      `join([constant(lr=0.3), d2l.CosineScheduler(${cos}, warmup_steps=${h.warmupSteps})], [1])`,
      `SGD(lr=0.3) and CosineScheduler(${cos}, warmup_steps=${h.warmupSteps}) applied after each epoch: ` +
        "epoch 0 trains at the optimizer's 0.3 and epoch 1 at scheduler(0) = warmup_begin_lr = 0, an epoch " +
        "that learns nothing (lint: zero-lr). Kept, as the chapter runs it.",
    ],
  ];
  return runs.map(([name, text, note]) => ({
    name,
    schedule: parseSchedule(text),
    unit: "epoch",
    note,
    published: { metrics: { ...D2L_PUBLISHED[name]! }, source: SOURCE },
  }));
}

/** What the report says about a scaled-down run of the d2l set; empty at the chapter's scale. */
export function d2lScaleNotes(scale: Required<D2lScale>): string[] {
  const notes: string[] = [];
  const c = D2L_CHAPTER;
  if (scale.trainSize !== c.trainSize || scale.testSize !== c.testSize)
    notes.push(
      `Trained on the first ${scale.trainSize.toLocaleString("en-US")} training and ${scale.testSize.toLocaleString("en-US")} test images ` +
        `(balanced prefixes) instead of the chapter's ${c.trainSize.toLocaleString("en-US")} / ${c.testSize.toLocaleString("en-US")}.`,
    );
  if (scale.epochs !== c.epochs) {
    const h = d2lHorizons(scale.epochs);
    notes.push(
      `${scale.epochs} epochs instead of the chapter's ${c.epochs}: milestones and horizons scaled by ${scale.epochs}/${c.epochs} ` +
        `(multi-factor milestones 15, 30 -> ${h.milestones.join(", ")}; cosine max_update 20 -> ${h.maxUpdate}; ` +
        `warmup_steps 5 -> ${h.warmupSteps}).`,
    );
  }
  if (notes.length)
    notes.push(
      "The chapter's published figures are for its full scale: compare the ranking, not the digits.",
    );
  return notes;
}

/**
 * The d2l set as a compare config, at the chapter's scale or a smaller one.
 *
 * @param scale - epochs, training and test examples; defaults to the chapter's (30, 60,000, 10,000).
 */
export function d2lConfig(scale: D2lScale = {}): CompareConfig {
  const epochs = scale.epochs ?? D2L_CHAPTER.epochs;
  return {
    source: {
      model: "lenet",
      data: "fashion-mnist",
      trainSize: scale.trainSize ?? D2L_CHAPTER.trainSize,
      testSize: scale.testSize ?? D2L_CHAPTER.testSize,
      seed: 0,
    },
    baseDir: process.cwd(),
    epochs,
    batchSize: D2L_CHAPTER.batchSize,
    optimizer: "sgd",
    seed: 0,
    schedules: d2lSchedules(epochs),
  };
}
