import { gt, lt } from "./arithmetic.js";
import { raise } from "./errors.js";
import { float } from "./python.js";

/**
 * PyTorch's check of a multiplicative factor (ConstantLR's `factor`, LinearLR's `start_factor` and
 * `end_factor`): `if factor > 1.0 or factor < 0: raise ValueError(...)`, with Python's comparisons.
 *
 * @param which - the factor as PyTorch's message names it.
 * @throws TorchValueError "<Which> multiplicative factor expected to be between 0 and 1.".
 */
export function checkFactorRange(factor: unknown, which: "Constant" | "Starting" | "Ending"): void {
  if (gt(factor, float(1.0)) || lt(factor, 0)) {
    raise("ValueError", `${which} multiplicative factor expected to be between 0 and 1.`);
  }
}
