/**
 * PyTorch's warnings (`warnings.warn`), delivered to a replaceable handler.
 *
 * @module
 */

/** A warning as Python prints it: the category and the message. */
export interface TorchWarning {
  /** The Python warning class, e.g. `"UserWarning"`. */
  readonly category: string;
  /** The message. */
  readonly message: string;
}

/** PyTorch's deprecation message of `scheduler.step(epoch)`. */
export const EPOCH_DEPRECATION_WARNING =
  "The epoch parameter in `scheduler.step()` was not necessary and is being deprecated where " +
  "possible. Please use `scheduler.step()` to step the scheduler. During the deprecation, if epoch " +
  "is different from None, the closed form is used instead of the new chainable form, where " +
  "available. Please open an issue if you are unable to replicate your use case: " +
  "https://github.com/pytorch/pytorch/issues/new/choose.";

/** PyTorch's warning when a scheduler steps twice before the optimizer's first update. */
export const ORDER_WARNING =
  "Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, " +
  "you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  " +
  "Failure to do this will result in PyTorch skipping the first value of the learning rate " +
  "schedule. See more details at https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate";

/** PyTorch's warning when `get_lr()` is called outside `step()`. */
export const GET_LR_WARNING =
  "To get the last learning rate computed by the scheduler, please use `get_last_lr()`.";

const printed = new Set<string>();

/** Python's default: print each distinct warning once, on the console. */
const printOnce = (w: TorchWarning): void => {
  const text = `${w.category}: ${w.message}`;
  if (printed.has(text)) return;
  printed.add(text);
  console.warn(text);
};

let handler: (w: TorchWarning) => void = printOnce;

/** Emits a warning (PyTorch's `warnings.warn(message, UserWarning)`). */
export function warn(message: string, category = "UserWarning"): void {
  handler({ category, message });
}

/**
 * Runs `fn` with every warning collected instead of printed (Python's
 * `warnings.catch_warnings(record=True)`), and returns its result and the warnings in order.
 *
 * @example
 * ```ts
 * const { warnings } = catchWarnings(() => scheduler.step(3));
 * warnings[0]?.message; // the deprecation of step(epoch)
 * ```
 */
export function catchWarnings<T>(fn: () => T): { result: T; warnings: TorchWarning[] } {
  const previous = handler;
  const warnings: TorchWarning[] = [];
  handler = (w) => warnings.push(w);
  try {
    return { result: fn(), warnings };
  } finally {
    handler = previous;
  }
}
