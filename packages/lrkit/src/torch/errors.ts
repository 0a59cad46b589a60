/**
 * The exceptions of `lrkit/torch`: JavaScript errors that also name the Python exception PyTorch
 * raises in the same situation, with PyTorch's message.
 *
 * @module
 */

/** The Python exception classes that PyTorch's schedulers (and the arithmetic under them) raise. */
export type PythonExceptionType =
  | "ValueError"
  | "TypeError"
  | "KeyError"
  | "ZeroDivisionError"
  | "IndexError"
  | "AttributeError"
  | "OverflowError"
  | "NameError"
  | "RuntimeError"
  | "NotImplementedError";

/** Any error that carries the name of the Python exception it stands for. */
export interface PythonException extends Error {
  /** The Python exception class, e.g. `"ValueError"`. */
  readonly pythonType: string;
}

/** True when `e` is an error that names a Python exception class (this module's or the formulas'). */
export function isPythonException(e: unknown): e is PythonException {
  return e instanceof Error && typeof (e as Partial<PythonException>).pythonType === "string";
}

/** PyTorch's `ValueError`: an argument of the right type but a wrong value. */
export class TorchValueError extends RangeError implements PythonException {
  override name = "ValueError";
  readonly pythonType = "ValueError";
}

/** Python's `TypeError`: a missing or unexpected argument, or an operand of the wrong type. */
export class TorchTypeError extends TypeError implements PythonException {
  override name = "TypeError";
  readonly pythonType = "TypeError";
}

/**
 * Python's `KeyError`: a parameter group lacks a key (`initial_lr` when resuming). The message is
 * the missing key or PyTorch's text; Python prints it quoted.
 */
export class TorchKeyError extends Error implements PythonException {
  override name = "KeyError";
  readonly pythonType = "KeyError";
}

/** Python's `ZeroDivisionError`, where PyTorch's arithmetic divides by zero. */
export class TorchZeroDivisionError extends RangeError implements PythonException {
  override name = "ZeroDivisionError";
  readonly pythonType = "ZeroDivisionError";
}

/** Python's `IndexError` (e.g. an empty `ChainedScheduler`). */
export class TorchIndexError extends RangeError implements PythonException {
  override name = "IndexError";
  readonly pythonType = "IndexError";
}

/** Python's `AttributeError`: a scheduler nested where it lacks what the container uses. */
export class TorchAttributeError extends TypeError implements PythonException {
  override name = "AttributeError";
  readonly pythonType = "AttributeError";
}

/** Python's `OverflowError`: a float too large to convert to an integer. */
export class TorchOverflowError extends RangeError implements PythonException {
  override name = "OverflowError";
  readonly pythonType = "OverflowError";
}

/** Python's `NameError`: a formula lambda uses a name that is not defined (raised when called). */
export class TorchNameError extends ReferenceError implements PythonException {
  override name = "NameError";
  readonly pythonType = "NameError";
}

/** Python's `RuntimeError` (2.x's ReduceLROnPlateau when the optimizer gained a group). */
export class TorchRuntimeError extends Error implements PythonException {
  override name = "RuntimeError";
  readonly pythonType = "RuntimeError";
}

/** Python's `NotImplementedError` (2.x: a container asked for an lr of its own, as a nested SequentialLR is at a milestone). */
export class TorchNotImplementedError extends Error implements PythonException {
  override name = "NotImplementedError";
  readonly pythonType = "NotImplementedError";
}

const CLASSES = {
  ValueError: TorchValueError,
  TypeError: TorchTypeError,
  KeyError: TorchKeyError,
  ZeroDivisionError: TorchZeroDivisionError,
  IndexError: TorchIndexError,
  AttributeError: TorchAttributeError,
  OverflowError: TorchOverflowError,
  NameError: TorchNameError,
  RuntimeError: TorchRuntimeError,
  NotImplementedError: TorchNotImplementedError,
} as const;

/**
 * Throws the error class of `type` with `message`.
 *
 * @example
 * ```ts
 * raise("ValueError", "Factor should be < 1.0.");
 * ```
 */
export function raise(type: PythonExceptionType, message: string): never {
  throw new CLASSES[type](message);
}
