/**
 * Writes the gallery of the docs: an SVG chart of each main schedule family, a few comparisons, an
 * LR range test and training curves, all drawn by @lrkit/plot from lrkit's own values (the range
 * test and the training runs are computed here on a tiny seeded model, not drawn by hand).
 *
 * Run from the repository root: `npm run gallery` (writes docs/gallery/*.svg and its README.md).
 *
 * @module
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { lrFinderChart, scheduleChart, trainingChart, type TrainingRun } from "@lrkit/plot";
import { parseSchedule, type Schedule } from "lrkit";
import "lrkit/presets"; // the gallery names recipes presets

const OUT = "docs/gallery";

/** The family charts: file name, spec, steps, and a caption. */
const FAMILIES: [string, string, number, string][] = [
  ["constant", "constant(lr=0.3)", 30, "A constant learning rate."],
  ["step", "step(lr=0.1, stepSize=30, gamma=0.1)", 100, "Step decay (PyTorch StepLR)."],
  [
    "multiStep",
    "multiStep(lr=0.5, milestones=[15, 30], gamma=0.5)",
    40,
    "Decay at milestones (d2l's multi-factor scheduler, MultiStepLR).",
  ],
  ["exponential", "exponential(lr=0.1, gamma=0.95)", 100, "Exponential decay (ExponentialLR)."],
  [
    "factor",
    "factor(lr=2, factor=0.9, minLr=0.01)",
    50,
    "Factor decay with a floor (d2l, MXNet FactorScheduler).",
  ],
  ["inverseSqrt", "inverseSqrt(lr=0.1)", 30, "Inverse square root (d2l's square-root scheduler)."],
  [
    "polynomial",
    "polynomial(lr=0.1, steps=100, power=2, endLr=0.001)",
    101,
    "Polynomial decay (PolynomialDecay, PolynomialLR).",
  ],
  [
    "cosine",
    "cosine(lr=0.3, steps=20, minLr=0.01)",
    30,
    "Cosine annealing held at its floor (d2l's cosine scheduler).",
  ],
  [
    "warmup-cosine",
    "warmup(cosine(lr=0.3, steps=15, minLr=0.01), steps=5)",
    30,
    "Linear warmup, then cosine (d2l's warmup).",
  ],
  ["sgdr", "sgdr(lr=0.1, period=10, periodMult=2, minLr=0.001)", 150, "Cosine with warm restarts (SGDR)."],
  [
    "cyclic",
    "cyclic(baseLr=0.001, maxLr=0.006, stepsUp=20, mode=triangular2)",
    160,
    "Cyclical learning rates, triangular2 (CyclicLR).",
  ],
  ["oneCycle", "oneCycle(maxLr=0.1, steps=100)", 100, "The one-cycle policy (OneCycleLR)."],
  ["tanh", "tanh(lr=0.1, steps=100, minLr=0.001)", 101, "Hyperbolic-tangent decay."],
  ["wsd", "warmup(wsd(lr=0.1, steps=90, decaySteps=20, minLr=0.001), steps=10)", 100, "Warmup-stable-decay."],
  [
    "piecewiseConstant",
    "piecewiseConstant(boundaries=[30, 60], values=[0.1, 0.01, 0.001])",
    90,
    "Piecewise-constant values (PiecewiseConstantDecay).",
  ],
  [
    "interpolate",
    'interpolate(knots=[0, 10, 100], values=[0.001, 0.1, 0.0001], mode="cos")',
    101,
    "Cosine interpolation through knots.",
  ],
];

/** d2l's chapter, its schedules side by side over 30 epochs. */
const D2L = [
  "constant(lr=0.3)",
  "inverseSqrt(lr=0.1)",
  "factor(lr=2, factor=0.9, minLr=0.01)",
  "multiStep(lr=0.5, milestones=[15, 30], gamma=0.5)",
  "cosine(lr=0.3, steps=20, minLr=0.01)",
];

/** A deterministic uniform generator (an LCG), so the toy runs are the same every time. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A toy two-class problem: 2-D points, labels from a noisy linear rule. */
function dataset(n: number, seed: number): { x: [number, number][]; y: number[] } {
  const u = lcg(seed);
  const x: [number, number][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const p: [number, number] = [u() * 4 - 2, u() * 4 - 2];
    x.push(p);
    y.push(p[0] + 0.7 * p[1] + (u() - 0.5) * 2.4 > 0 ? 1 : 0);
  }
  return { x, y };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Logistic regression: loss and accuracy, and one SGD step on a batch. */
class Logistic {
  w = [0, 0];
  b = 0;
  loss(x: [number, number][], y: number[]): number {
    let l = 0;
    x.forEach((p, i) => {
      const q = Math.min(Math.max(sigmoid(this.w[0]! * p[0] + this.w[1]! * p[1] + this.b), 1e-12), 1 - 1e-12);
      l -= y[i]! ? Math.log(q) : Math.log(1 - q);
    });
    return l / x.length;
  }
  accuracy(x: [number, number][], y: number[]): number {
    return (
      x.filter((p, i) => (this.w[0]! * p[0] + this.w[1]! * p[1] + this.b > 0 ? 1 : 0) === y[i]).length /
      x.length
    );
  }
  step(x: [number, number][], y: number[], lr: number): void {
    const g: [number, number, number] = [0, 0, 0];
    x.forEach((p, i) => {
      const e = sigmoid(this.w[0]! * p[0] + this.w[1]! * p[1] + this.b) - y[i]!;
      g[0] += e * p[0];
      g[1] += e * p[1];
      g[2] += e;
    });
    this.w = [this.w[0]! - (lr * g[0]!) / x.length, this.w[1]! - (lr * g[1]!) / x.length];
    this.b -= (lr * g[2]!) / x.length;
  }
}

/** Trains for 30 epochs of 4 batches under `schedule` (stepped per epoch), as d2l's `train` does. */
function train(schedule: Schedule, label: string): TrainingRun {
  const data = dataset(256, 1);
  const test = dataset(256, 2);
  const model = new Logistic();
  const curves = { "train loss": [] as number[], "train acc": [] as number[], "test acc": [] as number[] };
  for (let epoch = 0; epoch < 30; epoch++) {
    for (let b = 0; b < 4; b++)
      model.step(data.x.slice(b * 64, b * 64 + 64), data.y.slice(b * 64, b * 64 + 64), schedule(epoch));
    curves["train loss"].push(model.loss(data.x, data.y));
    curves["train acc"].push(model.accuracy(data.x, data.y));
    curves["test acc"].push(model.accuracy(test.x, test.y));
  }
  return { label, curves };
}

/** An LR range test on the same model: exponential sweep, EMA-smoothed loss, stop at 4x the minimum. */
function rangeTest() {
  const data = dataset(4096, 3);
  const model = new Logistic();
  const lrs: number[] = [];
  const losses: number[] = [];
  const raw: number[] = [];
  let avg = 0;
  let best = Infinity;
  for (let i = 0; i < 120; i++) {
    const lr = 1e-4 * (1e3 / 1e-4) ** (i / 119);
    const batch = [(i * 32) % 4064, ((i * 32) % 4064) + 32] as const;
    model.step(data.x.slice(...batch), data.y.slice(...batch), lr);
    const l = model.loss(data.x.slice(...batch), data.y.slice(...batch));
    avg = 0.9 * avg + 0.1 * l;
    const smooth = avg / (1 - 0.9 ** (i + 1));
    if (!Number.isFinite(smooth) || smooth > 4 * best) break;
    best = Math.min(best, smooth);
    lrs.push(lr);
    losses.push(smooth);
    raw.push(l);
  }
  const min = losses.indexOf(Math.min(...losses));
  let steep = 1;
  for (let i = 1; i < min; i++)
    if (losses[i]! - losses[i - 1]! < losses[steep]! - losses[steep - 1]!) steep = i;
  return {
    lrs,
    losses,
    rawLosses: raw,
    suggestions: { "minimum / 10": lrs[min]! / 10, steepest: lrs[steep]! },
  };
}

const files: [string, string][] = [];
const write = (name: string, svg: string, caption: string) => {
  writeFileSync(join(OUT, `${name}.svg`), svg);
  files.push([name, caption]);
};

mkdirSync(OUT, { recursive: true });
for (const [name, spec, steps, caption] of FAMILIES) {
  write(name, scheduleChart(parseSchedule(spec), { steps }), caption);
}
write(
  "d2l-schedules",
  scheduleChart(
    D2L.map((s) => parseSchedule(s)),
    { steps: 30, title: "d2l's schedules over 30 epochs", height: 400 },
  ),
  "The schedules of d2l's chapter, overlaid.",
);
const blog = [
  [
    "recipes.warm_up_cosine_lr_scheduler(lr=1e-4, warm_up_epochs=30, eta_min=1e-9)",
    "LambdaLR warmup: epoch 0 at 1e-9 x lr",
  ],
  [
    "recipes.WarmupCosineLR(lr_min=1e-9, lr_max=1e-4, warm_up=30, T_max=100)",
    "WarmupCosineLR(start_ratio=0.1)",
  ],
] as const;
write(
  "warmup-start",
  scheduleChart(
    blog.map(([spec, label]) => ({ schedule: parseSchedule(spec), label })),
    { steps: 100, log: true, title: "Where the warmup starts (lrkit lint: start-near-zero)" },
  ),
  "The blog post's two warmups on a log axis: the LambdaLR's first epoch is 1e-13.",
);
write(
  "lr-finder",
  lrFinderChart(rangeTest(), { title: "LR range test of a logistic regression" }),
  "An LR range test with its suggestions.",
);
write(
  "training",
  trainingChart(
    [
      train(parseSchedule("constant(lr=0.05)"), "constant(lr=0.05)"),
      train(
        parseSchedule("warmup(cosine(lr=0.5, steps=25, minLr=0.005), steps=5)"),
        "warmup + cosine from 0.5",
      ),
    ],
    { title: "Training a logistic regression under two schedules" },
  ),
  "Training curves as d2l's Animator draws them, for two schedules.",
);

const readme = [
  "# Gallery",
  "",
  "Generated by `npm run gallery` (scripts/gallery.ts) with @lrkit/plot; do not edit by hand.",
  "",
  ...files.flatMap(([name, caption]) => [`![${caption}](${name}.svg)`, "", `${caption}`, ""]),
].join("\n");
writeFileSync(join(OUT, "README.md"), readme);
console.log(`wrote ${files.length} charts to ${OUT}`);
