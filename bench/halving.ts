/**
 * Successive halving on the d2l experiments (LeNet on Fashion-MNIST, the chapter's schedules, as
 * `lrkit demo` runs them): the compute it spends (epochs trained, summed over the runs) against the
 * full comparison, and whether the full comparison's best schedule is among its survivors.
 *
 * One full comparison is trained; each halving setting's decisions are then taken by the same
 * function the compare uses (`segmentPlan`) on the full runs' epochs (a halved run trains its
 * epochs exactly as the full run does: `compareHalving.test.ts`), and the `--real` setting is also
 * trained as a halving compare, to check that it ends as predicted. Every figure is a ratio or a
 * count of the same run: no wall-clock threshold.
 *
 *   node --conditions=@lrkit/source --import tsx bench/halving.ts [--train-size 10000]
 *     [--test-size 2000] [--epochs 12] [--workers 2] [--backend auto] [--real 3,2]
 *
 * prints one JSON object on stdout (the defaults are the demo's scale).
 *
 * @module
 */
import { parseArgs } from "node:util";
import {
  compareSchedules,
  segmentPlan,
  type CompareResults,
  type HalvingOptions,
} from "../packages/compare/src/index.js";
import { d2lConfig } from "../packages/cli/src/experiment/d2lPreset.js";
import { experimentOptions } from "../packages/cli/src/experiment/experimentOptions.js";
import { resolveSource } from "../packages/cli/src/experiment/source.js";
import { DEMO_SCALE } from "../packages/cli/src/pipelines/demo.js";

const { values: opts } = parseArgs({
  options: {
    "train-size": { type: "string", default: String(DEMO_SCALE.trainSize) },
    "test-size": { type: "string", default: String(DEMO_SCALE.testSize) },
    epochs: { type: "string", default: String(DEMO_SCALE.epochs) },
    workers: { type: "string", default: "2" },
    backend: { type: "string", default: "auto" },
    real: { type: "string", default: "3,2" },
  },
});
const scale = {
  trainSize: Number(opts["train-size"]),
  testSize: Number(opts["test-size"]),
  epochs: Number(opts.epochs),
};
const progress = (s: string) => process.stderr.write(`${s}\n`);

const config = d2lConfig(scale);
const source = await resolveSource(config.source, config.baseDir);

/** One compare of the d2l set at `scale`, with or without halving. */
async function run(halving?: HalvingOptions): Promise<CompareResults> {
  const began = performance.now();
  const results = await compareSchedules({
    ...experimentOptions(config, source),
    workers: Number(opts.workers),
    backend: opts.backend,
    ...(halving ? { halving } : {}),
    listener: {
      finished: (i, r) =>
        progress(`  ${config.schedules[i]!.name}: ${r.status} after ${r.epochs.length} epoch(s)`),
    },
  });
  progress(`  ${((performance.now() - began) / 1000).toFixed(0)} s`);
  return results;
}

/** The run of `results` with the best headline value over its epochs (the report's best). */
function bestRun(results: CompareResults): string {
  const sign = results.runs[0]?.final?.best?.metric.endsWith("acc") ? 1 : -1;
  const ranked = results.runs
    .filter((r) => typeof r.final?.best?.value === "number")
    .sort((a, b) => sign * (b.final!.best!.value! - a.final!.best!.value!));
  return ranked[0]!.name;
}

/** Halving's decisions on the full runs' epochs: epochs trained per run, and the runs that finished. */
function predict(full: CompareResults, halving: HalvingOptions) {
  const { epochs, headline } = full.experiment;
  const plan = segmentPlan(full.runs.length, epochs, headline, halving);
  const trained = full.runs.map(() => 0);
  const queue = plan.first();
  for (let s = queue.shift(); s; s = queue.shift()) {
    trained[s.run] = s.untilEpoch;
    const values = full.runs[s.run]!.epochs.slice(0, s.untilEpoch).map((e) => e.metrics[headline] ?? null);
    queue.push(...plan.reached(s.run, values).next);
  }
  const survivors = full.runs.filter((_, i) => trained[i] === epochs).map((r) => r.name);
  const epochsTrained = trained.reduce((a, b) => a + b, 0);
  return { trained, survivors, epochsTrained, rungs: plan.rungs };
}

progress(
  `full comparison: ${config.schedules.length} runs of ${scale.epochs} epochs, ${scale.trainSize} / ${scale.testSize} images`,
);
const full = await run();
const best = bestRun(full);
const without = full.runs.length * full.experiment.epochs;
const settings: HalvingOptions[] = [1, 2, 3, 4].flatMap((minEpochs) =>
  [2, 3].map((eta) => ({ minEpochs, eta })),
);
const predicted = settings.map((h) => {
  const p = predict(full, h);
  return {
    minEpochs: h.minEpochs,
    eta: h.eta,
    rungs: p.rungs,
    epochsTrained: p.epochsTrained,
    computeRatio: p.epochsTrained / without,
    survivors: p.survivors,
    bestSurvives: p.survivors.includes(best),
  };
});

const [minEpochs, eta] = opts.real.split(",").map(Number) as [number, number];
progress(`halving comparison: minEpochs ${minEpochs}, eta ${eta}`);
const halved = await run({ minEpochs, eta });
const expected = predict(full, { minEpochs, eta });
const survivors = halved.runs.filter((r) => r.status === "completed").map((r) => r.name);
console.log(
  JSON.stringify({
    scale: { ...scale, runs: full.runs.length, backend: full.machine.backend },
    headline: full.experiment.headline,
    best,
    bestValue: full.runs.find((r) => r.name === best)!.final!.best!.value,
    epochsWithout: without,
    predicted,
    real: {
      minEpochs,
      eta,
      epochsTrained: halved.halving!.epochsTrained,
      computeRatio: halved.halving!.epochsTrained / without,
      survivors,
      bestSurvives: survivors.includes(best),
      pruned: halved.runs.filter((r) => r.status === "pruned").map((r) => `${r.name} after ${r.prunedAfter}`),
      asPredicted:
        halved.halving!.epochsTrained === expected.epochsTrained &&
        JSON.stringify(survivors) === JSON.stringify(expected.survivors),
      wallRatio: halved.machine.wallSeconds / full.machine.wallSeconds,
    },
  }),
);
