/**
 * What a results file must satisfy beyond the shape the schema describes: the facts that tie its
 * fields together, which the report, the summary and anyone reading the file rely on. A run's
 * epochs are numbered from 0 and log the experiment's values; its final figures are its last
 * epoch's; its spec builds a schedule, the one its text says; a range test's curves have as many
 * losses as lrs. `compareSchedules` writes files that satisfy them (after every epoch too); a file
 * edited by hand or pieced together from two fails here, at the path of the field that disagrees.
 *
 * @module
 */
import { isDeepStrictEqual } from "node:util";
import { fromSpec, parseSchedule, SpecError, type ScheduleSpec } from "lrkit";
import "lrkit/presets"; // the anchors' presets, by name in schedules
import { describeValue, jsonPath, type ResultsIssue } from "./issues.js";
import { bestOf } from "./metrics.js";
import type { CompareResults, FindReport, RunResult } from "./schema.js";

/** Records a problem at a JSON path. */
type Report = (path: string, message: string) => void;

const list = (names: readonly string[]) => names.join(", ");

/** The schedule of `spec` at `path`, or null (reported, at the path inside the spec) when lrkit cannot build it. */
function schedule(spec: unknown, path: string, report: Report): ScheduleSpec | null {
  try {
    return fromSpec(spec as ScheduleSpec).spec;
  } catch (e) {
    if (e instanceof SpecError) report(path + e.path.slice(1), e.reason);
    else report(path, (e as Error).message);
    return null;
  }
}

/** A run's text must be its spec in the text syntax. */
function textIssues(run: RunResult, at: string, spec: ScheduleSpec, report: Report): void {
  let said: ScheduleSpec;
  try {
    said = parseSchedule(run.text).spec;
  } catch (e) {
    report(`${at}.text`, (e as Error).message);
    return;
  }
  if (!isDeepStrictEqual(said, spec))
    report(`${at}.text`, `${describeValue(run.text)} is not the schedule of ${at}.spec`);
}

/** Every epoch numbered from 0 in order, logging exactly the experiment's values. */
function epochIssues(run: RunResult, at: string, names: readonly string[], report: Report): void {
  run.epochs.forEach((e, k) => {
    const where = `${at}.epochs[${k}]`;
    if (e.epoch !== k) report(`${where}.epoch`, `expected ${k} (epochs in order from 0), got ${e.epoch}`);
    for (const name of names)
      if (!(name in e.metrics))
        report(jsonPath(["metrics", name], where), `missing (every epoch logs ${list(names)})`);
    for (const name of Object.keys(e.metrics))
      if (!names.includes(name))
        report(jsonPath(["metrics", name], where), `not one of the logged values (${list(names)})`);
  });
}

/** The final figures: null without epochs, else the last epoch's values and the best of the headline. */
function finalIssues(run: RunResult, at: string, headline: string, report: Report): void {
  const n = run.epochs.length;
  const last = run.epochs[n - 1];
  if (run.final === null || last === undefined) {
    if (run.final !== null) report(`${at}.final`, "expected null: the run has no epoch");
    if (last !== undefined) report(`${at}.final`, `missing: the run has ${n} epochs`);
    return;
  }
  const { final } = run;
  if (final.epochs !== n)
    report(`${at}.final.epochs`, `expected ${n}, the run's epochs, got ${final.epochs}`);
  for (const name of new Set([...Object.keys(final.metrics), ...Object.keys(last.metrics)]))
    if (final.metrics[name] !== last.metrics[name])
      report(
        jsonPath(["metrics", name], `${at}.final`),
        `expected ${describeValue(last.metrics[name])}, the last epoch's, got ${describeValue(final.metrics[name])}`,
      );
  const best = bestOf(run.epochs, headline);
  if (!isDeepStrictEqual(final.best, best))
    report(
      `${at}.final.best`,
      best === null
        ? `expected null: no epoch has a finite ${headline}`
        : `expected the best ${headline} of the epochs, ${best.value} at epoch ${best.epoch}, got ${final.best === null ? "null" : `${describeValue(final.best.value)} at epoch ${final.best.epoch}`}`,
    );
}

function runIssues(run: RunResult, i: number, results: CompareResults, report: Report): void {
  const at = `$.runs[${i}]`;
  const { experiment } = results;
  const first = results.runs.findIndex((r) => r.name === run.name);
  if (first !== i) report(`${at}.name`, `${describeValue(run.name)} is the name of $.runs[${first}] too`);
  const spec = schedule(run.spec, `${at}.spec`, report);
  if (spec !== null) textIssues(run, at, spec, report);
  const n = run.epochs.length;
  if (n > experiment.epochs)
    report(`${at}.epochs`, `${n} epochs, more than the experiment's ${experiment.epochs}`);
  else if (run.status === "completed" && n !== experiment.epochs)
    report(`${at}.epochs`, `a completed run has the experiment's ${experiment.epochs} epochs, got ${n}`);
  if (run.status === "skipped" && n > 0)
    report(`${at}.status`, `"skipped" (never started), but the run has ${n} epochs`);
  if (results.stopped === "completed" && (run.status === "aborted" || run.status === "skipped"))
    report(`${at}.status`, `"${run.status}" in results that say every run ended ($.stopped "completed")`);
  epochIssues(run, at, experiment.metrics, report);
  finalIssues(run, at, experiment.headline, report);
}

/** Losses and smoothed losses, one per lr. */
function curveIssues(curve: Pick<FindReport, "lrs" | "losses" | "smoothed">, at: string, report: Report) {
  for (const key of ["losses", "smoothed"] as const)
    if (curve[key].length !== curve.lrs.length)
      report(`${at}.${key}`, `expected ${curve.lrs.length} values, one per lr, got ${curve[key].length}`);
}

function finderIssues(finder: FindReport, report: Report): void {
  curveIssues(finder, "$.finder", report);
  finder.sweeps.forEach((s, k) => curveIssues(s, `$.finder.sweeps[${k}]`, report));
  const main = finder.sweeps[0];
  if (main !== undefined)
    for (const key of ["seed", "lrs", "losses", "smoothed", "stoppedBy", "suggestions"] as const)
      if (!isDeepStrictEqual(finder[key], main[key]))
        report(`$.finder.${key}`, `expected the first sweep's ($.finder.sweeps[0].${key})`);
  const steps = finder.sweeps.reduce((n, s) => n + s.lrs.length, 0);
  if (finder.iterations !== steps)
    report("$.finder.iterations", `expected ${steps}, the steps of the sweeps, got ${finder.iterations}`);
  const { recommended, recommendedLr, suggestions } = finder;
  if (recommended !== null && typeof suggestions[recommended] !== "number")
    report(
      "$.finder.recommended",
      `expected null or a method with an lr in $.finder.suggestions, got ${describeValue(recommended)}`,
    );
  else if (recommendedLr !== (recommended === null ? null : suggestions[recommended]))
    report(
      "$.finder.recommendedLr",
      `expected the lr of the recommended method, ${recommended === null ? "null" : String(suggestions[recommended])}, got ${describeValue(recommendedLr)}`,
    );
  for (const [name, spec] of Object.entries(finder.schedules ?? {}))
    schedule(spec, jsonPath(["schedules", name], "$.finder"), report);
}

/**
 * The problems of `results` (valid against the results schema) that the schema cannot see: fields
 * that disagree with each other. Empty for what `compareSchedules` returns.
 *
 * @example
 * ```ts
 * consistencyIssues(results); // [{ path: "$.runs[1].final.epochs", message: "expected 2, the run's epochs, got 3" }]
 * ```
 */
export function consistencyIssues(results: CompareResults): ResultsIssue[] {
  const issues: ResultsIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  const { metrics, headline } = results.experiment;
  metrics.forEach((name, k) => {
    if (metrics.indexOf(name) !== k)
      report(`$.experiment.metrics[${k}]`, `${describeValue(name)} is listed twice`);
  });
  if (!metrics.includes(headline))
    report(
      "$.experiment.headline",
      `expected one of the logged values (${list(metrics)}), got ${describeValue(headline)}`,
    );
  results.runs.forEach((run, i) => runIssues(run, i, results, report));
  if (results.finder !== null) finderIssues(results.finder, report);
  return issues;
}
