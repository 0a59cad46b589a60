/**
 * Per-step cost of lrkit's schedules against hand-written formulas of the same curves, of
 * `Scheduler.step()` with reading the lr, and of the `lrkit/torch` schedulers' `step()`.
 *
 *   tsx bench/schedules.ts --list            the case names, one per line
 *   tsx bench/schedules.ts --case cosine     one case, as JSON on stdout
 *
 * `bench/run.ts` runs each case in its own process (with `--expose-gc` for the allocation
 * figure): a fresh engine per case, so that one case's call sites do not slow another's. Every
 * hand-written formula is checked to give lrkit's values first (relative 1e-12).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { bytesPerCall, loadPackages, nsPerOp, sink } from "./lib.js";

const { lrkit, presets, torch } = await loadPackages(process.env.LRKIT_BENCH_ROOT || undefined);
const L = lrkit;

/** Python-style cosine annealing of one-cycle (`OneCycleLR._annealing_cos`). */
const annealCos = (start: number, end: number, pct: number) =>
  end + ((start - end) / 2.0) * (Math.cos(Math.PI * pct) + 1);
const annealLinear = (start: number, end: number, pct: number) => (end - start) * pct + start;

/** One comparison: lrkit's schedule and the same curve written by hand, over steps `0 … span − 1`. */
interface ScheduleCase {
  readonly kind: "family" | "preset" | "composition";
  readonly make: () => { lrkit: (t: number) => number; inline: (t: number) => number };
  readonly span: number;
}

const C = 0.1 - 0.001; // the amplitude of the cosines below
const CASES: Record<string, ScheduleCase> = {
  constant: {
    kind: "family",
    span: 100,
    // The same function, NaN for a NaN step as every schedule (a bare `() => 0.1` would be
    // folded into the loop as a constant, and measure nothing).
    make: () => ({ lrkit: L.constant({ lr: 0.1 }), inline: (t) => (t === t ? 0.1 : NaN) }),
  },
  step: {
    kind: "family",
    span: 120,
    make: () => ({
      lrkit: L.step({ lr: 0.1, stepSize: 30, gamma: 0.1 }),
      inline: (t) => 0.1 * 0.1 ** Math.floor(t / 30),
    }),
  },
  multiStep: {
    kind: "family",
    span: 120,
    make: () => ({
      lrkit: L.multiStep({ lr: 0.1, milestones: [30, 60, 90], gamma: 0.1 }),
      inline: (t) => 0.1 * 0.1 ** (t >= 90 ? 3 : t >= 60 ? 2 : t >= 30 ? 1 : 0),
    }),
  },
  exponential: {
    kind: "family",
    span: 120,
    make: () => ({ lrkit: L.exponential({ lr: 0.1, gamma: 0.99 }), inline: (t) => 0.1 * 0.99 ** t }),
  },
  factor: {
    kind: "family",
    span: 120,
    make: () => ({
      lrkit: L.factor({ lr: 0.1, factor: 0.9, stepSize: 10, minLr: 0.03 }),
      inline: (t) => Math.max(0.03, 0.1 * 0.9 ** Math.floor(t / 10)),
    }),
  },
  inverseSqrt: {
    kind: "family",
    span: 120,
    make: () => ({
      lrkit: L.inverseSqrt({ lr: 0.1, timescale: 100 }),
      inline: (t) => 0.1 * ((t + 100) / 100) ** -0.5,
    }),
  },
  inverseTime: {
    kind: "family",
    span: 120,
    make: () => ({
      lrkit: L.inverseTime({ lr: 0.1, decayRate: 0.5, decaySteps: 10 }),
      inline: (t) => 0.1 / (1 + 0.5 * (t / 10)),
    }),
  },
  polynomial: {
    kind: "family",
    span: 120,
    make: () => ({
      lrkit: L.polynomial({ lr: 0.1, steps: 100, power: 2, endLr: 0.001 }),
      inline: (t) => C * (1 - Math.min(t, 100) / 100) ** 2 + 0.001,
    }),
  },
  linear: {
    kind: "family",
    span: 120,
    make: () => ({
      lrkit: L.linear({ from: 0.001, to: 0.1, steps: 100 }),
      inline: (t) => 0.001 + (0.1 - 0.001) * (Math.min(t, 100) / 100),
    }),
  },
  cosine: {
    kind: "family",
    span: 120,
    make: () => ({
      lrkit: L.cosine({ lr: 0.1, steps: 100, minLr: 0.001 }),
      inline: (t) => 0.001 + (C * (1 + Math.cos(Math.PI * (Math.min(t, 100) / 100)))) / 2,
    }),
  },
  sgdr: {
    kind: "family",
    span: 300,
    make: () => ({
      lrkit: L.sgdr({ lr: 0.1, period: 10, periodMult: 2, minLr: 0.001 }),
      inline: (t) => {
        const i = Math.floor(Math.log2(t / 10 + 1));
        const start = 10 * (2 ** i - 1);
        return 0.001 + (C * (1 + Math.cos((Math.PI * (t - start)) / (10 * 2 ** i)))) / 2;
      },
    }),
  },
  cyclic: {
    kind: "family",
    span: 120,
    make: () => ({
      lrkit: L.cyclic({ baseLr: 0.001, maxLr: 0.1, stepsUp: 20 }),
      inline: (t) => {
        const cycle = Math.floor(1 + t / 40);
        const x = 1 + t / 40 - cycle;
        return 0.001 + C * (x <= 0.5 ? x / 0.5 : (x - 1) / (0.5 - 1));
      },
    }),
  },
  oneCycle: {
    kind: "family",
    span: 120,
    make: () => ({
      lrkit: L.oneCycle({ maxLr: 0.1, steps: 100 }),
      inline: (t) =>
        t <= 29 ? annealCos(0.004, 0.1, t / 29) : t <= 99 ? annealCos(0.1, 0.004 / 1e4, (t - 29) / 70) : 4e-7,
    }),
  },
  tanh: {
    kind: "family",
    span: 120,
    make: () => ({
      lrkit: L.tanh({ lr: 0.1, steps: 100, minLr: 0.001 }),
      inline: (t) => {
        if (t >= 100) return 0.001;
        const r = t / 100;
        return 0.001 + 0.5 * C * (1 - Math.tanh(-7 * (1 - r) + 3 * r));
      },
    }),
  },
  wsd: {
    kind: "family",
    span: 120,
    make: () => ({
      lrkit: L.wsd({ lr: 0.1, steps: 100, decaySteps: 20, minLr: 0.001 }),
      inline: (t) => (t <= 80 ? 0.1 : 0.001 + C * (1 - Math.sqrt(Math.min((t - 80) / 20, 1)))),
    }),
  },
  piecewiseConstant: {
    kind: "family",
    span: 100,
    make: () => ({
      lrkit: L.piecewiseConstant({ boundaries: [30, 60], values: [0.1, 0.01, 0.001] }),
      // NaN for a NaN step, as every schedule (see constant).
      inline: (t) => (t < 30 ? 0.1 : t < 60 ? 0.01 : t >= 60 ? 0.001 : NaN),
    }),
  },
  interpolate: {
    kind: "family",
    span: 120,
    make: () => ({
      lrkit: L.interpolate({ knots: [0, 50, 100], values: [0.1, 0.05, 0.001] }),
      inline: (t) =>
        t <= 50
          ? annealLinear(0.1, 0.05, t / 50)
          : t < 100
            ? annealLinear(0.05, 0.001, (t - 50) / 50)
            : 0.001,
    }),
  },
  formula: {
    kind: "family",
    span: 120,
    make: () => ({ lrkit: L.formula("0.1 * 0.95 ** t"), inline: (t) => 0.1 * 0.95 ** t }),
  },
  "d2l.CosineScheduler": {
    kind: "preset",
    span: 120,
    make: () => ({
      lrkit: presets.d2l.CosineScheduler({ max_update: 100, base_lr: 0.3, final_lr: 0.01, warmup_steps: 5 }),
      inline: (t) =>
        t < 5
          ? 0.3 * (t / 5)
          : 0.01 + ((0.3 - 0.01) * (1 + Math.cos(Math.PI * (Math.min(t - 5, 95) / 95)))) / 2,
    }),
  },
  "hf.get_linear_schedule_with_warmup": {
    kind: "preset",
    span: 120,
    make: () => ({
      lrkit: presets.hf.get_linear_schedule_with_warmup({
        lr: 0.1,
        num_warmup_steps: 10,
        num_training_steps: 100,
      }),
      inline: (t) => 0.1 * (t < 10 ? t / 10 : Math.max(0, (100 - t) / 90)),
    }),
  },
  "optax.warmup_cosine_decay_schedule": {
    kind: "preset",
    span: 120,
    make: () => ({
      lrkit: presets.optax.warmup_cosine_decay_schedule({
        init_value: 0,
        peak_value: 0.1,
        warmup_steps: 10,
        decay_steps: 100,
        end_value: 0.001,
      }),
      inline: (t) =>
        t < 10 ? 0.1 * (t / 10) : 0.001 + (C * (1 + Math.cos(Math.PI * (Math.min(t - 10, 90) / 90)))) / 2,
    }),
  },
  "deep composition": {
    kind: "composition",
    span: 120,
    make: () => ({
      // clamp(multiply([join([warmup(linear), cosine], [15]), exponential]), min, max)
      lrkit: L.clamp(
        L.multiply([
          L.join(
            [
              L.warmup(L.linear({ from: 0.02, to: 0.1, steps: 10 }), { steps: 5 }),
              L.cosine({ lr: 0.1, steps: 80, minLr: 0.001 }),
            ],
            [15],
          ),
          L.exponential({ lr: 1, gamma: 0.999 }),
        ]),
        { min: 0.0005, max: 0.09 },
      ),
      inline: (t) => {
        let v: number;
        if (t < 5) v = 0.02 / 6 + (0.02 - 0.02 / 6) * (t / 5);
        else if (t < 15) v = 0.02 + (0.1 - 0.02) * (Math.min(t - 5, 10) / 10);
        else v = 0.001 + (C * (1 + Math.cos(Math.PI * (Math.min(t - 15, 80) / 80)))) / 2;
        return Math.min(Math.max(v * 0.999 ** t, 0.0005), 0.09);
      },
    }),
  },
};

/** The steps every evaluation loop visits: `ops` integers spread over `0 … span − 1`. */
function stepsOver(span: number, ops: number): Float64Array {
  return Float64Array.from({ length: ops }, (_, i) => (i * 7) % span);
}

/** The relative difference of two curves over `steps` (the largest). */
function mismatch(a: (t: number) => number, b: (t: number) => number, steps: Float64Array): number {
  let worst = 0;
  for (const t of steps) {
    const [x, y] = [a(t), b(t)];
    worst = Math.max(worst, Math.abs(x - y) / Math.max(Math.abs(y), 1e-300));
  }
  return worst;
}

const OPS = 1000;

/** How many loops of OPS operations take about 50 ms, at `ns` per operation (10 to 1000). */
const loopsFor = (ns: number) => Math.max(10, Math.min(1000, Math.round(5e7 / (ns * OPS))));

// The loops that call what is measured: one literal per variant, so that each call site (and
// its type feedback) sees one function only. A loop shared by two functions would measure V8's
// polymorphic calls (about 15 ns here) instead of the functions.

/** Evaluates lrkit's `f` at every step of `steps` and keeps the sum. */
function lrkitLoop(f: (t: number) => number, steps: Float64Array): () => void {
  return () => {
    let acc = 0;
    for (let i = 0; i < steps.length; i++) acc += f(steps[i]!);
    sink.value += acc;
  };
}

/** The same loop for the hand-written `f`. */
function inlineLoop(f: (t: number) => number, steps: Float64Array): () => void {
  return () => {
    let acc = 0;
    for (let i = 0; i < steps.length; i++) acc += f(steps[i]!);
    sink.value += acc;
  };
}

async function scheduleCase(name: string, c: ScheduleCase) {
  const { lrkit: s, inline } = c.make();
  const steps = stepsOver(c.span, OPS);
  const diff = mismatch(s, inline, steps);
  if (!(diff <= 1e-12)) throw new Error(`${name}: the hand-written formula differs from lrkit's by ${diff}`);
  const loop = lrkitLoop(s, steps);
  const ns = await nsPerOp({ lrkit: loop, inline: inlineLoop(inline, steps) }, OPS);
  const bytes = bytesPerCall(loop, loopsFor(ns.lrkit!));
  return {
    group: "schedule",
    name,
    kind: c.kind,
    nsPerCall: ns.lrkit!,
    inlineNsPerCall: ns.inline!,
    ratio: ns.lrkit! / ns.inline!,
    bytesPerCall: bytes === null ? null : bytes / OPS,
  };
}

/**
 * `Scheduler.step()` then reading the lr of a cosine (with `options`, e.g. a plateau policy),
 * against a counter and the formula.
 */
function steppedCosine(options?: ConstructorParameters<typeof L.Scheduler>[1]) {
  return () => {
    const scheduler = new L.Scheduler(L.cosine({ lr: 0.1, steps: 1e9, minLr: 0.001 }), options);
    let t = 0;
    return {
      step: () => {
        scheduler.step();
        sink.value += scheduler.lr;
      },
      inline: () => {
        t++;
        sink.value += 0.001 + (C * (1 + Math.cos(Math.PI * (Math.min(t, 1e9) / 1e9)))) / 2;
      },
    };
  };
}

const SCHEDULER_CASES: Record<string, () => { step: () => void; inline: () => void }> = {
  "Scheduler.step() + lr": steppedCosine(),
  "Scheduler.step() + lr, plateau": steppedCosine({ plateau: { patience: 3 } }),
};

async function schedulerCase(name: string, make: () => { step: () => void; inline: () => void }) {
  const { step, inline } = make();
  const lrkitSteps = () => {
    for (let i = 0; i < OPS; i++) step();
  };
  const inlineSteps = () => {
    for (let i = 0; i < OPS; i++) inline();
  };
  const ns = await nsPerOp({ lrkit: lrkitSteps, inline: inlineSteps }, OPS);
  const bytes = bytesPerCall(lrkitSteps, loopsFor(ns.lrkit!));
  return {
    group: "scheduler",
    name,
    nsPerCall: ns.lrkit!,
    inlineNsPerCall: ns.inline!,
    ratio: ns.lrkit! / ns.inline!,
    bytesPerCall: bytes === null ? null : bytes / OPS,
  };
}

/** The lrkit/torch classes, with the arguments `torchPeer.py` gives PyTorch's. */
const TORCH_CASES: Record<string, (opt: ReturnType<typeof torch.createOptimizer>) => { step: () => void }> = {
  StepLR: (opt) => new torch.StepLR(opt, { step_size: 30, gamma: 0.1 }),
  MultiStepLR: (opt) => new torch.MultiStepLR(opt, { milestones: [30, 60, 90], gamma: 0.1 }),
  ConstantLR: (opt) => new torch.ConstantLR(opt, { factor: 0.5, total_iters: 100 }),
  LinearLR: (opt) => new torch.LinearLR(opt, { start_factor: 0.1, total_iters: 100 }),
  ExponentialLR: (opt) => new torch.ExponentialLR(opt, { gamma: 0.9999 }),
  PolynomialLR: (opt) => new torch.PolynomialLR(opt, { total_iters: 100, power: 2 }),
  CosineAnnealingLR: (opt) => new torch.CosineAnnealingLR(opt, { T_max: 100, eta_min: 0.001 }),
  CosineAnnealingWarmRestarts: (opt) =>
    new torch.CosineAnnealingWarmRestarts(opt, { T_0: 10, T_mult: 2, eta_min: 0.001 }),
  CyclicLR: (opt) => new torch.CyclicLR(opt, { base_lr: 0.001, max_lr: 0.1, step_size_up: 20 }),
  OneCycleLR: (opt) => new torch.OneCycleLR(opt, { max_lr: 0.1, total_steps: 1e9 }),
  LambdaLR: (opt) => new torch.LambdaLR(opt, { lr_lambda: "0.9999 ** epoch" }),
  MultiplicativeLR: (opt) => new torch.MultiplicativeLR(opt, { lr_lambda: "0.9999" }),
  SequentialLR: (opt) =>
    new torch.SequentialLR(opt, {
      schedulers: [
        new torch.LinearLR(opt, { start_factor: 0.1, total_iters: 10 }),
        new torch.CosineAnnealingLR(opt, { T_max: 90, eta_min: 0.001 }),
      ],
      milestones: [10],
    }),
  ChainedScheduler: (opt) =>
    new torch.ChainedScheduler([
      new torch.ConstantLR(opt, { factor: 0.5, total_iters: 10 }),
      new torch.ExponentialLR(opt, { gamma: 0.9999 }),
    ]),
  ReduceLROnPlateau: (opt) => {
    const s = new torch.ReduceLROnPlateau(opt, { patience: 10 });
    let i = 0;
    return { step: () => s.step(1 / (1 + (i++ % 50))) };
  },
};

async function torchCase(name: string, make: (typeof TORCH_CASES)[string]) {
  const opt = torch.createOptimizer("SGD", { lr: 0.1, momentum: 0.9 });
  const scheduler = make(opt);
  const group = opt.param_groups[0]!;
  // Past the start (SequentialLR's milestone warns, as PyTorch does), with warnings collected.
  torch.catchWarnings(() => {
    for (let i = 0; i < 20; i++) scheduler.step();
  });
  const steps = () => {
    let acc = 0;
    for (let i = 0; i < OPS; i++) {
      scheduler.step();
      acc += group.lr;
    }
    sink.value += acc;
  };
  const ns = await nsPerOp({ lrkit: steps }, OPS);
  const bytes = bytesPerCall(steps, loopsFor(ns.lrkit!));
  return { group: "torch", name, nsPerCall: ns.lrkit!, bytesPerCall: bytes === null ? null : bytes / OPS };
}

/** Every case name, in report order. */
export const CASE_NAMES = [
  ...Object.keys(CASES),
  ...Object.keys(SCHEDULER_CASES),
  ...Object.keys(TORCH_CASES).map((n) => `torch.${n}`),
];

const { values } = parseArgs({ options: { case: { type: "string" }, list: { type: "boolean" } } });
if (values.list) console.log(CASE_NAMES.join("\n"));
else if (values.case !== undefined) {
  const name = values.case;
  const result = CASES[name]
    ? await scheduleCase(name, CASES[name]!)
    : SCHEDULER_CASES[name]
      ? await schedulerCase(name, SCHEDULER_CASES[name]!)
      : name.startsWith("torch.") && TORCH_CASES[name.slice(6)]
        ? await torchCase(name.slice(6), TORCH_CASES[name.slice(6)]!)
        : undefined;
  if (!result) throw new Error(`schedules: no case ${JSON.stringify(name)}`);
  console.log(JSON.stringify(result));
}
