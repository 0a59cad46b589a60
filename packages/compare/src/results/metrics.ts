/**
 * Reading logged values by name: which one ranks the runs, and which way is better.
 *
 * @module
 */

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
