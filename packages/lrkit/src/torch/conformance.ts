/**
 * The conformance runner: runs the cases of a golden case file through `lrkit/torch` with the
 * reference generator's loop and returns a trace file of the same schema, to be compared with
 * PyTorch's (`shared/golden/torch/README.md`).
 *
 * @module
 */
import { buildOptimizer, buildScheduler, namesIn } from "./build.js";
import type {
  CaseSpec,
  StateDictCheck,
  TraceCase,
  TraceError,
  TraceFile,
  TraceInitial,
  TraceRecord,
} from "./conformanceTypes.js";
import { CosineAnnealingWarmRestarts } from "./cosineAnnealingWarmRestarts.js";
import { isPythonException, raise } from "./errors.js";
import { decodeNonFinite, encodeNonFinite, parsePythonJson } from "./json.js";
import type { Optimizer, ParamGroup } from "./optimizer.js";
import { repr } from "./python.js";
import { ReduceLROnPlateau } from "./reduceLROnPlateau.js";
import type { SchedulerLike, StateDict } from "./scheduler.js";
import { torchVersion, type TorchSchedulers } from "./torchVersion.js";
import { TORCH_BEHAVIOURS, type TorchVersion } from "./version.js";
import { catchWarnings, type TorchWarning } from "./warnings.js";

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** The case file's name, written as `cases_file`. Defaults to null. */
  readonly casesFile?: string | null;
  /** The PyTorch version to reproduce: `"2"` (2.x as of 2.13) or `"1.13"` (1.13.1). Defaults to `"2"`. */
  readonly torchVersion?: TorchVersion;
}

const MOMENTUM_SCHEDULERS = new Set(["CyclicLR", "OneCycleLR"]);

/** The most steps a case may ask for: its trace holds every step's lrs, in memory and in the output. */
export const MAX_CASE_STEPS = 1_000_000;

/** The Python exception class and `str(exception)` of an error thrown while running a case. */
function describeError(e: unknown): { type: string; message: string } {
  if (isPythonException(e)) {
    const prefix = `${e.pythonType}: `;
    const message = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
    return { type: e.pythonType, message: e.pythonType === "KeyError" ? repr(message) : message };
  }
  if (e instanceof Error) return { type: e.name, message: e.message };
  return { type: "Exception", message: String(e) };
}

const momentumOf = (g: ParamGroup): number | null => {
  const value = Object.hasOwn(g, "betas") ? g.betas?.[0] : g.momentum;
  return value === undefined || value === null ? null : Number(value);
};

const lastEpochOf = (s: SchedulerLike): number | null => (s as { last_epoch?: number }).last_epoch ?? null;

function extraOf(s: SchedulerLike): Record<string, number> | undefined {
  if (s instanceof ReduceLROnPlateau) {
    return { best: Number(s.best), num_bad_epochs: s.num_bad_epochs, cooldown_counter: s.cooldown_counter };
  }
  if (s instanceof CosineAnnealingWarmRestarts) return { T_cur: Number(s.T_cur), T_i: s.T_i };
  return undefined;
}

/** `list[t]` with Python's `IndexError` past the end. */
function at(list: readonly unknown[], t: number): unknown {
  if (t >= list.length) raise("IndexError", "list index out of range");
  return decodeNonFinite(list[t]);
}

/** The optimizer of a case, counting its updates as PyTorch's `optimizer.step()` wrapper does. */
function caseOptimizer(c: CaseSpec, torch: TorchSchedulers): Optimizer {
  const optimizer = buildOptimizer(c.optimizer, torch);
  optimizer._step_count = 0;
  return optimizer;
}

/** The `scheduler.step(...)` of iteration t. */
function stepCase(scheduler: SchedulerLike, c: CaseSpec, t: number): void {
  const epoch = c.step_epochs === undefined || c.step_epochs === null ? null : at(c.step_epochs, t);
  if (scheduler instanceof ReduceLROnPlateau) {
    if (c.metrics === undefined || c.metrics === null) return scheduler.step();
    const metric = at(c.metrics, t);
    return epoch === null ? scheduler.step(metric) : scheduler.step(metric, epoch as number);
  }
  return epoch === null ? scheduler.step() : scheduler.step(epoch);
}

interface Run {
  record: Required<TraceRecord>;
  error: { at_step: number; type: string; message: string } | null;
}

/** Iterations `start..N-1`: record, step, record; an exception ends the run. */
function run(
  c: CaseSpec,
  optimizer: Optimizer,
  scheduler: SchedulerLike,
  start: number,
  onStep?: (done: number) => void,
): Run {
  const withMomentum = namesIn(c).some((n) => MOMENTUM_SCHEDULERS.has(n));
  const record: Required<TraceRecord> = { lr: [], last_lr: [], last_epoch: [], momentum: [], extra: [] };
  for (let t = start; t < c.steps; t++) {
    const groups = optimizer.param_groups;
    record.lr.push(groups.map((g) => g.lr));
    if (withMomentum) record.momentum.push(groups.map(momentumOf));
    optimizer._step_count = (optimizer._step_count ?? 0) + 1; // optimizer.step()
    try {
      stepCase(scheduler, c, t);
    } catch (e) {
      return { record, error: { at_step: t, ...describeError(e) } };
    }
    record.last_lr.push([...((scheduler as { _last_lr?: number[] })._last_lr ?? [])]);
    record.last_epoch.push(lastEpochOf(scheduler));
    const extra = extraOf(scheduler);
    if (extra) record.extra.push(extra);
    onStep?.(t + 1);
  }
  return { record, error: null };
}

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(encodeNonFinite(a)) === JSON.stringify(encodeNonFinite(b));

function distinct(warnings: readonly TorchWarning[]): string[] {
  return [...new Set(warnings.map((w) => `${w.category}: ${w.message.slice(0, 140)}`))];
}

interface Saved {
  scheduler: StateDict;
  groups: ParamGroup[];
}

/** Builds the case again, loads both states, runs k..N and compares with the uninterrupted run. */
function resumeCheck(
  c: CaseSpec,
  k: number,
  saved: Saved,
  main: Run,
  torch: TorchSchedulers,
): StateDictCheck {
  const { result: resumed } = catchWarnings(() => {
    const optimizer = caseOptimizer(c, torch);
    const scheduler = buildScheduler(c, optimizer, torch);
    optimizer.param_groups = structuredClone(saved.groups);
    scheduler.load_state_dict(saved.scheduler);
    return run(c, optimizer, scheduler, k);
  });
  const mainError = main.error && [main.error.type, main.error.at_step];
  const againError = resumed.error && [resumed.error.type, resumed.error.at_step];
  return {
    at_step: k,
    state_dict: saved.scheduler,
    state_dict_pickle: "ok",
    optimizer_param_groups: saved.groups.map((g, i) => ({ ...g, params: [i] })),
    resumed_lr_head: resumed.record.lr.slice(0, 50),
    resumed_last_lr_head: resumed.record.last_lr.slice(0, 50),
    resume_error: resumed.error,
    matches:
      same(resumed.record.lr, main.record.lr.slice(k)) &&
      same(resumed.record.last_lr, main.record.last_lr.slice(k)) &&
      same(mainError, againError),
  };
}

/** One case through the reference loop. */
function traceCase(c: CaseSpec, torch: TorchSchedulers): TraceCase {
  const { result, warnings } = catchWarnings(() => {
    let optimizer: Optimizer;
    let scheduler: SchedulerLike;
    try {
      optimizer = caseOptimizer(c, torch);
      scheduler = buildScheduler(c, optimizer, torch);
    } catch (e) {
      const error: TraceError = {
        phase: "construct",
        at_step: null,
        ...describeError(e),
        last_epoch_after_error: null,
      };
      return { initial: null, trace: null, error, check: null };
    }
    const groups = optimizer.param_groups;
    const names = namesIn(c);
    const initial: TraceInitial = {
      lr: groups.map((g) => g.lr),
      last_lr: (scheduler as { _last_lr?: number[] })._last_lr?.slice() ?? null,
      last_epoch: lastEpochOf(scheduler),
      initial_lr: groups.map((g) => (Object.hasOwn(g, "initial_lr") ? (g.initial_lr as number) : null)),
    };
    if (names.some((n) => MOMENTUM_SCHEDULERS.has(n))) initial.momentum = groups.map(momentumOf);
    const k = c.state_dict_at ?? Math.floor(c.steps / 2);
    let saved: Saved | undefined;
    const snapshot = (done: number): void => {
      if (done !== k) return;
      try {
        saved = { scheduler: scheduler.state_dict(), groups: structuredClone(optimizer.param_groups) };
      } catch {
        // PyTorch's state_dict() can fail too (a lambda that is not callable): then no check.
      }
    };
    snapshot(0);
    const main = run(c, optimizer, scheduler, 0, snapshot);
    const trace: TraceRecord = {
      lr: main.record.lr,
      last_lr: main.record.last_lr,
      last_epoch: main.record.last_epoch,
    };
    if (names.some((n) => MOMENTUM_SCHEDULERS.has(n))) trace.momentum = main.record.momentum;
    if (extraOf(scheduler)) trace.extra = main.record.extra;
    const error: TraceError | null = main.error && {
      phase: "step",
      ...main.error,
      last_epoch_after_error: lastEpochOf(scheduler),
    };
    return { initial, trace, error, check: saved ? { k, saved, main } : null };
  });
  const check = result.check && resumeCheck(c, result.check.k, result.check.saved, result.check.main, torch);
  return {
    ...c,
    initial: result.initial,
    trace: result.trace,
    error: result.error,
    warnings: distinct(warnings),
    state_dict_check: check,
  };
}

/**
 * Runs every case of a golden case file (`shared/golden/torch/README.md`) through `lrkit/torch`
 * with the reference generator's loop and returns the trace file: for each case the echoed input,
 * `initial`, `trace` (`lr`, `last_lr`, `last_epoch`, and `momentum` / `extra` where PyTorch's has
 * them), `error` (PyTorch's exception type and message, the iteration, `last_epoch` after it),
 * `warnings`, and `state_dict_check` (save after k steps, resume in a fresh optimizer and
 * scheduler, compare). Non-finite numbers are written as `"NaN"`, `"Infinity"`, `"-Infinity"`.
 *
 * Pass the file's text rather than parsed JSON to keep Python's floats apart from ints
 * (`"T_0": 10.0` is a float, which PyTorch rejects); see {@link parsePythonJson}.
 *
 * @param cases - the case file: its text, or the parsed array of cases.
 * @param options - the file name to record and the PyTorch version to reproduce (2.x by default;
 *   the trace's `torch_version` says which).
 * @returns the trace file, plain JSON.
 * @throws TypeError when `cases` is not an array of cases; RangeError for a case whose `steps` is
 *   not an integer in [0, {@link MAX_CASE_STEPS}] (errors of PyTorch inside a case are recorded).
 * @example
 * ```ts
 * const traces = runConformance(readFileSync("cases.json", "utf8"), { casesFile: "cases.json" });
 * writeFileSync("traces.json", JSON.stringify(traces));
 * ```
 */
export function runConformance(
  cases: string | readonly CaseSpec[],
  options: ConformanceOptions = {},
): TraceFile {
  const torch = torchVersion(options.torchVersion ?? "2");
  const list = typeof cases === "string" ? parsePythonJson(cases) : cases;
  if (!Array.isArray(list)) throw new TypeError("runConformance: expected an array of cases");
  for (const [i, c] of (list as Partial<CaseSpec>[]).entries()) {
    const steps = (c as Partial<CaseSpec> | null)?.steps;
    if (typeof steps !== "number" || !Number.isInteger(steps) || steps < 0 || steps > MAX_CASE_STEPS) {
      throw new RangeError(
        `runConformance: case ${i} (${JSON.stringify(c?.id ?? null)}): steps must be an integer in [0, ${MAX_CASE_STEPS}], got ${JSON.stringify(steps)}`,
      );
    }
  }
  return encodeNonFinite({
    generator: "lrkit/torch runConformance",
    torch_version: TORCH_BEHAVIOURS[torch.version].release,
    python_version: "none (TypeScript with CPython 3.11 semantics)",
    cases_file: options.casesFile ?? null,
    cases: (list as CaseSpec[]).map((c) => traceCase(c, torch)),
  }) as TraceFile;
}
