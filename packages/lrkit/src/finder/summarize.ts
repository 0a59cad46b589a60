/**
 * A range test's result from its sweeps: the first sweep's curve and suggestions, the recommended
 * method (a consensus of all of them), how much the methods agree, schedules derived from it, and
 * how far each suggestion moves between the sweeps.
 *
 * @module
 */
import { extent } from "../math/extent.js";
import type { RangeTestResult, Sweep } from "./rangeTest.js";
import { SUGGESTIONS, type SuggestionName } from "./suggestions.js";

/** How far apart positive values are: log10(largest / smallest); null when there is none. */
const decades = (values: readonly (number | null)[]): number | null => {
  const vs = values.filter((v): v is number => v !== null && v > 0);
  const [lo, hi] = extent(vs);
  return vs.length === 0 ? null : Math.log10(hi / lo);
};

/**
 * The method whose suggestion is closest, in log-lr, to the median of all the suggestions (ties go
 * to the earlier method in {@link SUGGESTIONS}): no single method's outlier decides.
 */
function consensus(suggestions: Record<SuggestionName, number | null>): SuggestionName | null {
  const entries = (Object.entries(suggestions) as [SuggestionName, number | null][]).filter(
    (e): e is [SuggestionName, number] => e[1] !== null && e[1] > 0,
  );
  if (entries.length === 0) return null;
  const logs = entries.map(([, v]) => Math.log10(v)).sort((a, b) => a - b);
  const mid = logs.length / 2;
  const median = logs.length % 2 === 1 ? logs[Math.floor(mid)]! : (logs[mid - 1]! + logs[mid]!) / 2;
  let best = entries[0]!;
  for (const e of entries)
    if (Math.abs(Math.log10(e[1]) - median) < Math.abs(Math.log10(best[1]) - median)) best = e;
  return best[0];
}

/** One-cycle, cyclical and warmup-cosine schedules of `steps` steps peaking at `lr`. */
function derive(lr: number, steps: number) {
  const warm = Math.max(1, Math.round(steps * 0.05));
  return {
    oneCycle: { type: "oneCycle", maxLr: lr, steps },
    cyclic: {
      type: "cyclic",
      baseLr: lr / 4,
      maxLr: lr,
      stepsUp: Math.max(1, Math.round(steps / 8)),
      mode: "triangular2",
    },
    warmupCosine: {
      type: "warmup",
      schedule: { type: "cosine", lr, steps: Math.max(1, steps - warm) },
      steps: warm,
    },
  };
}

/**
 * The result of the range test made of `sweeps` (at least one; the first is the main curve), its
 * schedules built for `trainingSteps` steps. The learner has been restored when this is called.
 */
export function summarize(sweeps: readonly Sweep[], trainingSteps: number): RangeTestResult {
  const main = sweeps[0]!;
  const names = Object.keys(SUGGESTIONS) as SuggestionName[];
  const recommended = consensus(main.suggestions);
  const recommendedLr = recommended === null ? null : main.suggestions[recommended];
  const available = names.map((n) => main.suggestions[n]).filter((v): v is number => v !== null);
  const agreement =
    recommendedLr === null
      ? 0
      : available.filter((v) => Math.abs(Math.log10(v / recommendedLr)) <= 0.5).length / available.length;
  return {
    ...main,
    recommended,
    recommendedLr,
    agreement,
    spreadDecades: decades(available) ?? 0,
    schedules: recommendedLr === null ? null : derive(recommendedLr, trainingSteps),
    sweeps: [...sweeps],
    seedSpreadDecades: Object.fromEntries(
      names.map((n) => [n, decades(sweeps.map((s) => s.suggestions[n]))]),
    ) as Record<SuggestionName, number | null>,
    restored: true,
  };
}
