/**
 * Checks lrkit's exports in the real libraries: it writes the code `lrkit export` generates, runs it
 * in one Python process per target (each module is run as a script, as its header says), and
 * compares what it prints with `sample()`. Not part of the test suite (CI has no Python); run it by
 * hand from the repository root:
 *
 *   npx tsx --conditions=@lrkit/source scripts/check-exports.ts --to pytorch|optax|keras|hf|fastai|all \
 *     [--python /usr/bin/python3] [--random N] [--float32] [--no-golden]
 *
 * What each target checks:
 * - `pytorch` (toPyTorch): every core family and combinator (their registered examples plus variants
 *   that take the other code path), `--random N` random specs of lrkit's own fast-check
 *   arbitraries, and the example of every preset whose export is a native torch scheduler (a
 *   preset exported as another library's call, transformers or timm, is left out). Needs torch
 *   only: Debian's python3-torch (1.13) will do.
 * - `optax` (toOptax) and `keras` (toKeras): every Optax (Keras) preset's example and the specs of
 *   its golden cases (packages/lrkit/src/presets/golden/cases.json, error cases left out), exported
 *   as the anchor's own call; every other preset's example whose export is native; every core
 *   family and combinator example and the variants above (native where the registry maps them,
 *   lrkit's closed form in `jax.numpy` / `keras.ops` or a table elsewhere), and the `--random N`
 *   specs. Optax modules are also
 *   run under `jax.jit`, Keras schedules also at an int64 tensor step (what an optimizer passes).
 * - `hf` (toPyTorch of the Hugging Face presets, which call `transformers.get_*`): every preset's
 *   example and the specs of its golden cases.
 * - `fastai` (toPyTorch of the fastai presets, a `LambdaLR` over fastai's own function of pos): every
 *   preset's example and the variants in FASTAI_VARIANTS (fastai's defaults, 1,955-step runs, every
 *   annealer as a phase of `combine_scheds`). Not part of `all`: no fastai wheel is on this machine;
 *   fastai 2.7.18 runs from its sources (git archives of fastai/fastai 9d9f51f, fastcore 1.7.28,
 *   fastprogress 1.0.3 and fastdownload 0.0.8 on PYTHONPATH) with Debian's python3-torch,
 *   python3-pandas, python3-matplotlib, python3-scipy and python3-sklearn: `--python` a wrapper
 *   that sets PYTHONPATH and runs /usr/bin/python3.
 *
 * Precision: by default JAX runs with `jax_enable_x64` and Keras's schedules in float64 (below), so every
 * value must agree with lrkit (float64) to a relative 1e-6 (plus 1e-12 × the largest |value|, for a
 * value that is 0 in one and ~1e-18 in the other). `--float32` runs the libraries' defaults
 * (float32) instead: then `|got - lrkit| <= 1e-6 × |lrkit| + 1e-6 × max|lrkit|`, the tolerance also
 * used for lrkit's closed-form Keras class (which casts the step to float32) in float64 mode. The relative
 * differences reported (`maxRel`) leave out values below 1e-9 × max|value| (a cosine's or a
 * polynomial's end, 0 in one and ~1e-19 in the other), which `maxAbs` shows. Keras's schedules
 * take their dtype from `initial_learning_rate` and read other Python floats through float32 (floatx
 * alone does not change that), so in float64 mode the harness makes every float argument of
 * Keras's schedule classes, defaults included, an `np.float64`, as the golden cases do; the
 * generated code itself runs unchanged.
 *
 * The Python it needs (offline, from the wheels on this machine; see
 * packages/lrkit/src/presets/golden/README.md and /work/shared/golden/presets/README.md):
 *
 *   python3.11 -m venv /tmp/venv-exports
 *   /tmp/venv-exports/bin/pip install --index-url file:///opt/pypi/simple \
 *     --extra-index-url file:///opt/pypi-more/simple --find-links /opt/wheels \
 *     "torch==2.13.0+cpu" numpy "optax==0.2.8" "jax==0.10.2" "keras==3.15.1" \
 *     "tensorflow-cpu==2.21.0" "transformers==5.18.0"
 *   npx tsx --conditions=@lrkit/source scripts/check-exports.ts --to all --python /tmp/venv-exports/bin/python
 *
 * Exits with 1 when a value is out of tolerance or generated code raises.
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import fc from "fast-check";
import {
  combinators,
  coreFamilies,
  fromSpec,
  parseSchedule,
  sample,
  toKeras,
  toOptax,
  toPyTorch,
  toText,
  type Schedule,
} from "lrkit";
import { presetFamilies } from "lrkit/presets";
import { anyCase } from "../packages/lrkit/src/test/arbitraries.js";

type Target = "pytorch" | "optax" | "keras" | "hf" | "fastai";
const TARGETS: readonly Target[] = ["pytorch", "optax", "keras", "hf", "fastai"];
/** The targets whose code is a PyTorch script (a scheduler on a torch optimizer). */
const torchLike = (target: Target) => target === "pytorch" || target === "hf" || target === "fastai";

const { values: args } = parseArgs({
  options: {
    to: { type: "string", default: "pytorch" },
    python: { type: "string", default: "/usr/bin/python3" },
    random: { type: "string", default: "0" },
    float32: { type: "boolean", default: false },
    "no-golden": { type: "boolean", default: false },
  },
});
// `all` runs the targets of one venv; fastai needs its own Python (see the header).
const targets: readonly Target[] =
  args.to === "all" ? TARGETS.filter((t) => t !== "fastai") : [args.to as Target];
if (!targets.every((t) => TARGETS.includes(t))) throw new Error(`--to: one of ${TARGETS.join(", ")}, all`);
const float32 = args.float32;

/** Core families, combinators and the variants that take their other code paths. */
const variants: [string, number][] = [
  ...[...coreFamilies, ...combinators].map((f): [string, number] => [f.example!, 120]),
  ["cosine(lr=0.3, steps=20, minLr=0.01)", 21],
  ["cosine(lr=0.3, steps=20, minLr=0.01, after=periodic)", 100],
  ["cosine(lr=0.01, steps=100, minLr=1e-9, exponent=2, k=1.5)", 100],
  ["cosine(lr=0.1, steps=50, minLr=0.001, exponent=2)", 80],
  ["linear(from=0, to=0.3, steps=10)", 30],
  ["polynomial(lr=0.1, steps=50, power=2)", 60],
  ["polynomial(lr=0.1, steps=30, power=0.5, endLr=0.01, cycle=true)", 100],
  ["exponential(lr=0.1, gamma=0.9, decaySteps=10, staircase=true, transitionBegin=5, endLr=0.01)", 100],
  ["exponential(lr=0.1, gamma=0.9, decaySteps=10, staircase=true)", 100],
  ["inverseTime(lr=0.1, decayRate=0.5, decaySteps=10, staircase=true)", 100],
  ["sgdr(lr=0.1, period=10, periodMult=2, minLr=0.001)", 150],
  ["sgdr(lr=0.1, period=10, periodMult=2, minLr=0.001, decay=0.5, cycleLimit=3)", 100],
  ["sgdr(lr=0.1, period=10, periodMult=1.5, minLr=0.001, decay=0.8)", 150],
  ["oneCycle(maxLr=0.1, steps=100, threePhase=true, anneal=linear)", 100],
  ["oneCycle(maxLr=0.1, steps=100)", 130],
  ['cyclic(baseLr=0.001, maxLr=0.006, stepsUp=20, mode="exp_range", gamma=0.99)', 120],
  ['cyclic(baseLr=0.001, maxLr=0.006, stepsUp=5, stepsDown=15, scale="1 / (x ** 0.5)")', 120],
  ["multiStep(lr=0.5, milestones=[15, 30, 30], gamma=0.5)", 40],
  ["warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)", 30],
  ['warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5, mode="exponential", startRatio=0.01)', 30],
  ["repeat(cosine(lr=0.1, steps=10), period=10, periodMult=2, decay=0.5, limit=3)", 100],
  ["noise(cosine(lr=0.1, steps=100), seed=7, pct=0.1)", 100],
  ["warmup(cosine(lr=0.1, steps=90), steps=10, from=0)", 100],
  ["warmup(cosine(lr=0.1, steps=90, minLr=0.001), steps=10, from=0)", 130],
  ['warmup(cosine(lr=0.1, steps=90), steps=10, from=0, mode="cosine")', 100],
  ["warmup(exponential(lr=0.1, gamma=0.9, decaySteps=10), steps=10, from=0)", 100],
  ["join([linear(from=0, to=0.1, steps=10), cosine(lr=0.1, steps=90)], [10])", 120],
  ["d2l.CosineScheduler(max_update=20, base_lr=0.3, final_lr=0.01, warmup_steps=5)", 30],
  // Integral lrs: Keras takes its dtype from initial_learning_rate (and PiecewiseConstantDecay's values).
  ["exponential(lr=1, gamma=0.9, decaySteps=10)", 60],
  ["inverseTime(lr=1, decayRate=0.5, decaySteps=10)", 60],
  ["sgdr(lr=1, period=10, periodMult=2)", 80],
  ["piecewiseConstant(boundaries=[30], values=[1, 0.5])", 60],
  ["multiStep(lr=2, milestones=[15], gamma=0.5)", 30],
];

/** fastai presets beyond their examples: fastai's defaults, long runs, every annealer in a phase. */
const FASTAI_VARIANTS: [string, number][] = [
  ["fastai.fit_one_cycle(n_epoch=3, lr_max=0.01, n_iter=17)", 60],
  ["fastai.fit_one_cycle(n_epoch=2, lr_max=0.003, div=10, div_final=10000, pct_start=0.3, n_iter=13)", 30],
  ["fastai.fit_one_cycle(n_epoch=5, n_iter=391)", 1960],
  ["fastai.fit_one_cycle_moms(n_epoch=3, n_iter=17)", 60],
  ["fastai.fit_one_cycle_moms(n_epoch=2, pct_start=0.3, moms=[0.9, 0.8, 0.99], n_iter=11)", 30],
  ["fastai.fit_flat_cos(n_epoch=4, lr=0.01, n_iter=25)", 110],
  ["fastai.fit_flat_cos(n_epoch=3, lr=0.002, div_final=100, pct_start=0.5, n_iter=11)", 40],
  ["fastai.fit_sgdr(n_cycles=3, cycle_len=1, lr_max=0.01, n_iter=10)", 80],
  ["fastai.fit_sgdr(n_cycles=2, cycle_len=2, cycle_mult=3, lr_max=0.005, n_iter=7)", 60],
  ["fastai.fit_sgdr(n_cycles=4, cycle_len=1, lr_max=0.001, n_iter=97)", 1460],
  ["fastai.combined_cos(pct=0.3, start=0.1, middle=1, end=0, steps=37)", 40],
  [
    "fastai.combine_scheds(pcts=[0.2, 0.1, 0.3, 0.4], scheds=[fastai.SchedExp(start=1e-5, end=0.1), fastai.SchedNo(start=0.1, end=0), fastai.SchedPoly(start=0.1, end=0.01, power=2), fastai.combined_cos(pct=0.5, start=0.01, middle=0.05, end=0)], steps=113)",
    120,
  ],
  ["fastai.SchedExp(start=1e-7, end=10, steps=100)", 101],
  ["fastai.SchedPoly(start=0.1, end=0.001, power=0.5, steps=50)", 60],
];

/** Steps to check for a preset: past its horizon, as the golden cases do. */
function stepsOf(schedule: Schedule): number {
  const h = schedule.horizon;
  return h !== undefined && Number.isFinite(h) && h > 0
    ? Math.min(420, Math.max(10, Math.ceil(1.3 * h)))
    : 120;
}

const exporters: Record<Target, (s: Schedule, steps: number) => string> = {
  pytorch: (s, steps) => toPyTorch(s, { steps }),
  hf: (s, steps) => toPyTorch(s, { steps }),
  fastai: (s, steps) => toPyTorch(s, { steps }),
  optax: (s, steps) => toOptax(s, { steps }),
  keras: (s, steps) => toKeras(s, { steps }),
};

/** A printed value: a number, or "nan", "inf" or "-inf". */
type Value = number | string;

interface Item {
  readonly label: string;
  readonly schedule: Schedule;
  readonly steps: number;
}

interface GoldenCase {
  id: string;
  anchor: string;
  spec: Record<string, unknown> & { type: string };
  values: unknown[];
  error: unknown;
}

function golden(anchor: string): Item[] {
  if (args["no-golden"]) return [];
  const file = new URL("../packages/lrkit/src/presets/golden/cases.json", import.meta.url);
  const { cases } = JSON.parse(readFileSync(file, "utf8")) as { cases: GoldenCase[] };
  return cases
    .filter((c) => c.anchor === anchor && c.error === null)
    .map((c) => ({ label: c.id, schedule: fromSpec(c.spec), steps: c.values.length }));
}

/** Whether the export of `schedule` to `target` is native (a library's own schedule or scheduler). */
function isNative(target: Target, script: string): boolean {
  if (torchLike(target)) return !/LambdaLR\(optimizer, (lr_lambda|lambda t: LRS)/.test(script);
  return (
    !script.includes("LRS = [") &&
    !script.includes("lambda count:") &&
    !script.includes("class LrkitSchedule")
  );
}

/** What the generated code builds: the scheduler's or schedule's name, and whether it is a table. */
function how(target: Target, script: string): string {
  const built = script.split(torchLike(target) ? "scheduler = " : "\nschedule = ")[1] ?? "";
  const call = /^([\w.]+)\(/.exec(built)?.[1]?.replace(/^(lr_scheduler|keras\.optimizers\.schedules)\./, "");
  const table = script.includes("LRS = [") ? " (table)" : "";
  // fastai's export: a LambdaLR over fastai's own function of pos (`lambda t, f=combined_cos(...)`).
  const fastai = /LambdaLR\(optimizer, lambda t, f=(\w+)\(/.exec(built)?.[1];
  if (fastai !== undefined) return `LambdaLR over fastai ${fastai}`;
  if (torchLike(target))
    return (call === "LambdaLR" && !table ? "LambdaLR (closed form)" : (call ?? "?")) + table;
  if (table) return "table";
  return call === undefined || call === "LrkitSchedule" ? "closed form" : call;
}

function items(target: Target): Item[] {
  const byText = (text: string, steps: number): Item => ({
    label: text,
    schedule: parseSchedule(text),
    steps,
  });
  const presets = presetFamilies.map((f) => {
    const schedule = parseSchedule(f.example!);
    return { anchor: f.preset?.anchor, item: { label: f.example!, schedule, steps: stepsOf(schedule) } };
  });
  const nativeOthers = (anchor: string) =>
    presets
      .filter((p) => p.anchor !== anchor && p.anchor !== "hf" && p.anchor !== "fastai")
      .map((p) => p.item)
      .filter((i) => isNative(target, exporters[target](i.schedule, i.steps)));
  // Random specs of every family and combinator (lrkit's own fast-check arbitraries), when asked.
  const random = (): Item[] =>
    fc
      .sample(anyCase, { numRuns: Number(args.random), seed: 42 })
      .filter(({ spec }) => !JSON.stringify(spec).includes('"noise"'))
      .map(({ spec }) => byText(toText(spec), 150));
  switch (target) {
    case "pytorch": {
      const out = [...variants.map(([text, steps]) => byText(text, steps)), ...random()];
      // Presets exported as another library's call (transformers: --to hf; timm: not checked here).
      const torchOnly = (i: Item) =>
        !/^(from|import) (?!torch\b|json\b|math\b)/m.test(toPyTorch(i.schedule, i));
      const presetsOut = nativeOthers("hf").filter(
        (i) => torchOnly(i) && !out.some((o) => o.label === i.label),
      );
      return [...out, ...presetsOut];
    }
    case "hf":
      return [...presets.filter((p) => p.anchor === "hf").map((p) => p.item), ...golden("hf")];
    case "fastai":
      return [
        ...presets.filter((p) => p.anchor === "fastai").map((p) => p.item),
        ...FASTAI_VARIANTS.map(([text, steps]) => byText(text, steps)),
      ];
    case "optax":
    case "keras":
      return [
        ...presets.filter((p) => p.anchor === target).map((p) => p.item),
        ...golden(target),
        ...nativeOthers(target),
        ...variants.map(([text, steps]) => byText(text, steps)),
        ...random(),
      ];
  }
}

/**
 * Runs every file as `__main__` in one process (its printed last line is its values), then, for
 * Optax and Keras, the module's `schedule` the way an optimizer calls it. One JSON line per file.
 */
const HARNESS = `
import contextlib, io, json, os, runpy, sys, traceback
target, float32 = sys.argv[1], sys.argv[2] == "1"
if target == "optax":
    import jax, jax.numpy as jnp
    jax.config.update("jax_enable_x64", not float32)
if target == "keras":
    import inspect, keras, numpy as np
    # Keras's schedules take their dtype from initial_learning_rate and read other Python floats
    # through float32: in float64 mode, every float argument (defaults included) is an np.float64.
    def f64(v):
        if isinstance(v, float): return np.float64(v)
        if isinstance(v, (list, tuple)): return type(v)(f64(x) for x in v)
        return v
    def float64_args(cls):
        init, sig = cls.__init__, inspect.signature(cls.__init__)
        def patched(self, *a, **k):
            b = sig.bind(self, *a, **k)
            b.apply_defaults()
            for n in list(b.arguments): b.arguments[n] = f64(b.arguments[n])
            init(*b.args, **b.kwargs)
        cls.__init__ = patched
    if not float32:
        S = keras.optimizers.schedules
        for name in ("ExponentialDecay", "PiecewiseConstantDecay", "PolynomialDecay", "InverseTimeDecay", "CosineDecay", "CosineDecayRestarts"):
            float64_args(getattr(S, name))
for path in sys.argv[3:]:
    res = {}
    try:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            g = runpy.run_path(path, run_name="__main__")
        res["values"] = json.loads(buf.getvalue().strip().split("\\n")[-1])
        if target == "optax":
            f = jax.jit(g["schedule"])
            res["jit"] = [float(f(jnp.asarray(t))) for t in range(g["STEPS"])]
        if target == "keras":
            s = g["schedule"]
            res["tensor"] = [float(s(keras.ops.convert_to_tensor(t, "int64"))) for t in range(g["STEPS"])]
    except Exception as e:
        res = {"error": "".join(traceback.format_exception_only(type(e), e)).strip()}
    fin = lambda vs: [v if v == v and abs(v) != float("inf") else str(v) for v in vs]
    print(json.dumps({k: fin(v) if isinstance(v, list) else v for k, v in res.items()}), flush=True)
`;

let failed = 0;
const summary: string[] = [];
for (const target of targets) {
  const dir = mkdtempSync(join(tmpdir(), `lrkit-${target}-`));
  const list = items(target);
  const scripts = list.map((item) => exporters[target](item.schedule, item.steps));
  const files = scripts.map((script, i) => {
    const file = join(dir, `export_${i}.py`);
    writeFileSync(file, script);
    return file;
  });
  const out = execFileSync(args.python, ["-c", HARNESS, target, float32 ? "1" : "0", ...files], {
    encoding: "utf8",
    maxBuffer: 1 << 28,
    stdio: ["ignore", "pipe", "ignore"],
    env: { ...process.env, KERAS_BACKEND: "tensorflow", TF_CPP_MIN_LOG_LEVEL: "3" },
  });
  const results = out
    .trim()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as { values?: Value[]; jit?: Value[]; tensor?: Value[]; error?: string });
  if (results.length !== list.length)
    throw new Error(`${target}: ${results.length} results for ${list.length} files`);
  const worst = { native: 0, other: 0 };
  let nativeCount = 0;
  let bad = 0;
  console.log(`\n== ${target} (${float32 ? "float32" : "float64"}), ${list.length} exports, files in ${dir}`);
  list.forEach((item, i) => {
    const result = results[i]!;
    const script = scripts[i]!;
    const native = isNative(target, script);
    if (native) nativeCount++;
    const name = `${item.label.slice(0, 90).padEnd(90)} ${how(target, script).padEnd(34)} steps=${String(item.steps).padEnd(4)}`;
    if (result.error !== undefined) {
      bad++;
      console.log(`${name} FAILED (export_${i}.py): ${result.error.split("\n").pop()}`);
      return;
    }
    // lrkit's own Keras class computes in float32 (it casts the step to float32).
    const lowPrecision = float32 || (target === "keras" && !native);
    const expected = sample(item.schedule, item.steps);
    const peak = Math.max(...expected.map(Math.abs));
    let maxRel = 0;
    let maxAbs = 0;
    const outside: string[] = [];
    for (const [what, got] of [
      ["values", result.values],
      ["jit", result.jit],
      ["tensor", result.tensor],
    ] as const) {
      if (got === undefined) continue;
      if (got.length !== item.steps) outside.push(`${what}: ${got.length} values`);
      expected.forEach((e, t) => {
        const a =
          typeof got[t] === "string" ? { nan: NaN, inf: Infinity, "-inf": -Infinity }[got[t]]! : got[t]!;
        if (Object.is(a, e)) return;
        const diff = Math.abs(a - e);
        maxAbs = Math.max(maxAbs, diff);
        const scale = Math.max(Math.abs(a), Math.abs(e));
        if (diff > 0 && scale >= 1e-9 * peak) maxRel = Math.max(maxRel, diff / scale);
        const tol = lowPrecision ? 1e-6 * Math.abs(e) + 1e-6 * peak : 1e-6 * Math.abs(e) + 1e-12 * peak;
        if (!(diff <= tol) && outside.length < 3) outside.push(`${what}[${t}] = ${a}, lrkit ${e}`);
      });
    }
    if (native) worst.native = Math.max(worst.native, maxRel);
    else worst.other = Math.max(worst.other, maxRel);
    if (outside.length) bad++;
    console.log(
      `${name} maxRel=${maxRel.toExponential(2)} maxAbs=${maxAbs.toExponential(2)}${outside.length ? ` OUT OF TOLERANCE (export_${i}.py): ${outside.join("; ")}` : ""}`,
    );
  });
  failed += bad;
  summary.push(
    `${target}: ${list.length} exports (${nativeCount} native), ${bad} failing; worst relative difference ` +
      `${worst.native.toExponential(2)} native, ${worst.other.toExponential(2)} closed form/table`,
  );
}
console.log(`\n${summary.join("\n")}`);
if (failed > 0) process.exitCode = 1;
