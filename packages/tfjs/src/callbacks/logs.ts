/**
 * Reading numbers from `model.fit` logs.
 *
 * @module
 */

/**
 * The number logged under `key`, or undefined. Plain hook objects receive numbers; callbacks
 * that `fit` calls as `BaseCallback`s (when the list starts with a class-based one such as
 * `tf.callbacks.earlyStopping`) may receive scalar tensors, which are read, not disposed (`fit`
 * disposes them).
 */
export async function logValue(
  logs: Record<string, unknown> | undefined,
  key: string,
): Promise<number | undefined> {
  const value = logs?.[key];
  if (typeof value === "number") return value;
  if (typeof value === "object" && value !== null && "data" in value && typeof value.data === "function") {
    const data = (await (value as { data(): Promise<ArrayLike<number>> }).data()) as ArrayLike<number>;
    return data[0];
  }
  return undefined;
}
