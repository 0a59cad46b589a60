/**
 * Result files of the CLI that the playground can show: `lrkit find --json` (an LR range test) and
 * the results file of `lrkit compare` (training runs, one per schedule).
 *
 * @module
 */
import type { Json } from "lrkit";

/** An LR range test result, as `lrkit find --json` writes it. */
export interface FinderFile {
  readonly kind: "finder";
  readonly lrs: number[];
  readonly losses: number[];
  /** The smoothed losses, when the file has them. */
  readonly smoothed: number[] | undefined;
  readonly suggestions: Record<string, number>;
  readonly recommended: string | null;
  readonly recommendedLr: number | null;
  readonly stoppedBy: string | null;
  readonly agreement: number | null;
  /** Ready schedules built on the recommended lr, when the file has them. */
  readonly schedules: Record<string, Json>;
}

/** One run of `lrkit compare`. */
export interface CompareRun {
  readonly name: string;
  /** The run's schedule spec, when the file has one. */
  readonly spec: Json | undefined;
  readonly epochs: number[];
  readonly lr: number[];
  /** Each logged value (`loss`, `acc`, `val_loss`, ...) per epoch, by its name in the logs. */
  readonly curves: Record<string, number[]>;
  /** The last epoch's logged values. */
  readonly final: Record<string, number>;
}

/** A results file of `lrkit compare`. */
export interface CompareFile {
  readonly kind: "compare";
  /** The logged values' names, in the file's order. */
  readonly metrics: string[];
  readonly runs: CompareRun[];
}

/** A file the playground shows, or why it cannot. */
export type DataFile = FinderFile | CompareFile | { readonly kind: "error"; readonly message: string };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
/** JSON has no NaN: the CLI writes null for a non-finite number. */
const num = (v: unknown): number => (typeof v === "number" ? v : NaN);
const numbers = (v: unknown): number[] | undefined => (Array.isArray(v) ? v.map(num) : undefined);

function finder(o: Obj): DataFile {
  const lrs = numbers(o.lrs);
  const losses = numbers(o.losses);
  if (!lrs || !losses || lrs.length !== losses.length)
    return { kind: "error", message: "an LR range test needs lists lrs and losses of the same length" };
  const smoothed = numbers(o.smoothed);
  const suggestions: Record<string, number> = {};
  if (isObj(o.suggestions))
    for (const [k, v] of Object.entries(o.suggestions)) if (typeof v === "number") suggestions[k] = v;
  const schedules: Record<string, Json> = {};
  if (isObj(o.schedules))
    for (const [k, v] of Object.entries(o.schedules))
      if (isObj(v) && typeof v.type === "string") schedules[k] = v as Json;
  return {
    kind: "finder",
    lrs,
    losses,
    smoothed: smoothed && smoothed.length === lrs.length ? smoothed : undefined,
    suggestions,
    recommended: typeof o.recommended === "string" ? o.recommended : null,
    recommendedLr: typeof o.recommendedLr === "number" ? o.recommendedLr : null,
    stoppedBy: typeof o.stoppedBy === "string" ? o.stoppedBy : null,
    agreement: typeof o.agreement === "number" ? o.agreement : null,
    schedules,
  };
}

function compare(runs: unknown[], declared: unknown): DataFile {
  const out: CompareRun[] = [];
  const names: string[] = Array.isArray(declared) ? declared.filter((n) => typeof n === "string") : [];
  for (const [i, r] of runs.entries()) {
    if (!isObj(r) || !Array.isArray(r.epochs))
      return { kind: "error", message: `runs[${i}] needs a list of epochs` };
    const epochs = r.epochs.filter(isObj);
    const logged = epochs.map((e) => (isObj(e.metrics) ? e.metrics : {}));
    for (const m of logged) for (const k of Object.keys(m)) if (!names.includes(k)) names.push(k);
    const curves = Object.fromEntries(names.map((k) => [k, logged.map((m) => num(m[k]))]));
    const last = logged.at(-1) ?? {};
    out.push({
      name: typeof r.name === "string" ? r.name : `run ${i + 1}`,
      spec: (r.spec as Json | undefined) ?? undefined,
      epochs: epochs.map((e, j) => (typeof e.epoch === "number" ? e.epoch + 1 : j + 1)),
      lr: epochs.map((e) => num(e.lr)),
      curves,
      final: Object.fromEntries(Object.entries(last).map(([k, v]) => [k, num(v)])),
    });
  }
  return { kind: "compare", metrics: names, runs: out };
}

/** Reads a result file: an LR range test (`lrs`, `losses`) or a comparison (`runs`). */
export function readDataFile(text: string): DataFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { kind: "error", message: `not JSON: ${(e as Error).message}` };
  }
  if (isObj(data) && Array.isArray(data.runs))
    return compare(data.runs, isObj(data.experiment) ? data.experiment.metrics : undefined);
  if (isObj(data) && ("lrs" in data || "losses" in data)) return finder(data);
  return {
    kind: "error",
    message:
      "expected the output of `lrkit find --json` ({lrs, losses, ...}) or of `lrkit compare` ({runs: [...]})",
  };
}
