/**
 * Reading logged values by name: which one ranks the runs, and which way is better.
 *
 * @module
 */
import type { EpochSummary, FinalFigures } from "./schema.js";

const HIGHER_IS_BETTER = /(^|_)(acc|accuracy|precision|recall|r2Score|auc)$/;

/** Whether a larger value of the logged value `name` is better (accuracies, precision, recall, R²) or a smaller one (losses, errors). */
export function better(name: string): "max" | "min" {
  return HIGHER_IS_BETTER.test(name) ? "max" : "min";
}

/**
 * The value that ranks the runs of a compare: the validation accuracy when there is one, else the
 * validation loss, else the training accuracy, else the training loss.
 *
 * @param names - the logged names, in order (`loss` first).
 */
export function headlineOf(names: readonly string[]): string {
  const accuracy = (n: string) => better(n) === "max";
  return (
    names.find((n) => n.startsWith("val_") && accuracy(n)) ??
    names.find((n) => n === "val_loss") ??
    names.find((n) => !n.startsWith("val_") && accuracy(n)) ??
    "loss"
  );
}

/**
 * The best value of `headline` over `epochs` (the largest or the smallest, as {@link better} says)
 * and its epoch, the first of equal ones; null when no epoch has a finite value of it.
 *
 * @example
 * ```ts
 * bestOf(run.epochs, "val_acc"); // { metric: "val_acc", value: 0.883, epoch: 1 }
 * ```
 */
export function bestOf(epochs: readonly EpochSummary[], headline: string): FinalFigures["best"] {
  const direction = better(headline);
  let best: FinalFigures["best"] = null;
  for (const e of epochs) {
    const v = e.metrics[headline];
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    if (best === null || (direction === "max" ? v > best.value! : v < best.value!))
      best = { metric: headline, value: v, epoch: e.epoch };
  }
  return best;
}
