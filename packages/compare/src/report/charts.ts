/**
 * The report's charts, drawn by @lrkit/plot and inlined as SVG: the schedules together, each run's
 * curves, one value of every run side by side, and the LR finder.
 *
 * @module
 */
import { fromSpec } from "lrkit";
import "lrkit/presets"; // the anchors' presets, by name in schedules
import { colorAt, lineChart, rangeTestChart, scheduleChart, trainingChart, type Series } from "@lrkit/plot";
import type { CompareResults, FindReport, RunResult } from "../results/schema.js";
import { raw, type SafeHtml } from "./html.js";

/**
 * An SVG document as inline HTML: the namespace declaration is dropped (the HTML parser puts
 * `<svg>` in the SVG namespace by itself), so the page holds no URL at all.
 */
export function inlineSvg(svg: string): SafeHtml {
  return raw(svg.replace(' xmlns="http://www.w3.org/2000/svg"', "").trim());
}

/** JSON's nulls (non-finite values) back to NaN, which the charts leave out. */
const numbers = (values: readonly (number | null)[]) => values.map((v) => v ?? NaN);

/** The most points a schedule is sampled at on the chart: longer plans are drawn every k-th step. */
const MAX_POINTS = 2000;

/**
 * The schedules of every run on one chart, per epoch. When every run is stepped per epoch this is
 * `scheduleChart` over the epochs (with the declared milestones), or past {@link MAX_POINTS} epochs
 * the schedules sampled every k-th epoch; when some are stepped per batch, each schedule is drawn
 * at every update (or every k-th) against fractional epochs, or, when the updates per epoch are
 * unknown (a tf.data dataset of unknown size), as the lr each epoch ended with.
 */
export function schedulesChart(results: CompareResults): SafeHtml {
  const { epochs } = results.experiment;
  const runs = results.runs;
  const size = { width: 900, height: 380 };
  const perEpoch = runs.every((r) => r.unit === "epoch");
  if (perEpoch && epochs <= MAX_POINTS) {
    return inlineSvg(
      scheduleChart(
        runs.map((r) => ({ schedule: fromSpec(r.spec), label: r.name })),
        { ...size, steps: epochs, title: "Learning rate per epoch", xLabel: "epoch" },
      ),
    );
  }
  // Every run per epoch: one step an epoch, whatever the batches.
  const stepsPerEpoch = perEpoch ? 1 : results.experiment.stepsPerEpoch;
  if (stepsPerEpoch === null) {
    const series: Series[] = runs.map((r, i) => ({
      label: `${r.name} (per ${r.unit})`,
      x: r.epochs.map((e) => e.epoch + 1),
      y: numbers(r.epochs.map((e) => e.lr)),
      color: colorAt(i),
    }));
    return inlineSvg(
      lineChart(series, {
        ...size,
        title: "Learning rate at the end of each epoch",
        xLabel: "epoch",
        yLabel: "learning rate",
        valueLabels: true,
      }),
    );
  }
  const steps = epochs * stepsPerEpoch;
  const stride = Math.max(1, Math.floor(steps / MAX_POINTS));
  const x: number[] = [];
  for (let t = 0; t < steps; t += stride) x.push(t / stepsPerEpoch);
  const series: Series[] = runs.map((r, i) => {
    const s = fromSpec(r.spec);
    const y = x.map((e) => (r.unit === "epoch" ? s(Math.floor(e + 1e-9)) : s(Math.round(e * stepsPerEpoch))));
    return { label: `${r.name} (per ${r.unit})`, x, y, color: colorAt(i) };
  });
  return inlineSvg(
    lineChart(series, {
      ...size,
      title: "Learning rate over the run",
      xLabel: "epoch",
      yLabel: "learning rate",
      xDomain: [0, epochs],
      valueLabels: true,
    }),
  );
}

/** Every logged value of one run against epochs (d2l's Animator). */
export function runChart(run: RunResult, index: number, metrics: readonly string[]): SafeHtml {
  const curves = Object.fromEntries(
    metrics.map((name) => [name, numbers(run.epochs.map((e) => e.metrics[name] ?? null))]),
  );
  return inlineSvg(
    trainingChart(
      { label: run.name, epochs: run.epochs.map((e) => e.epoch + 1), curves },
      { width: 440, height: 300, title: `${index + 1}. ${run.name}` },
    ),
  );
}

/** One logged value of every run against epochs. */
export function metricChart(runs: readonly RunResult[], metric: string): SafeHtml {
  const series: Series[] = runs
    .map((r, i) => ({
      label: r.name,
      x: r.epochs.map((e) => e.epoch + 1),
      y: numbers(r.epochs.map((e) => e.metrics[metric] ?? null)),
      color: colorAt(i),
    }))
    .filter((s) => s.x.length > 0);
  return inlineSvg(
    lineChart(series, {
      width: 440,
      height: 300,
      title: metric,
      xLabel: "epoch",
      yLabel: metric,
      valueLabels: "last",
      legend: true,
    }),
  );
}

/** The LR range test's curve with its suggestions. */
export function finderChart(finder: FindReport): SafeHtml {
  return inlineSvg(
    rangeTestChart(
      {
        lrs: finder.lrs,
        losses: numbers(finder.losses),
        smoothed: numbers(finder.smoothed),
        suggestions: finder.suggestions,
        recommended: finder.recommended,
      },
      {
        width: 900,
        height: 380,
        title: `LR range test: ${finder.setup.model} on ${finder.setup.data}, ${finder.setup.optimizer}, batch ${finder.setup.batch}`,
      },
    ),
  );
}
