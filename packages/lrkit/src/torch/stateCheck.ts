/**
 * The check of a loaded state entry against the value it replaces: PyTorch's `load_state_dict`
 * takes any dict and fails later (or never, with different numbers); lrkit/torch refuses, at the
 * load, a value of another kind than the one `state_dict()` saved there.
 *
 * @module
 */
import { raise } from "./errors.js";
import { isNumeric, typeName } from "./python.js";

/** The kind of a state value, as a rule for what may replace it. */
function kindOf(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (isNumeric(value)) return "number"; // bool, int and float mix in Python arithmetic
  if (typeof value === "string") return "str";
  if (Array.isArray(value)) return "list";
  return "dict";
}

/** Whether `value` may stand where `kind` was saved. */
function fits(kind: string, value: unknown): boolean {
  // An optional entry (a custom scale function, use_beta1 before it is set): anything saved.
  return kind === "None" || kindOf(value) === kind;
}

/**
 * Refuses `value` for state entry `key` when it is not of the kind of `current` (what the
 * scheduler holds now): a number for a number, a string for a string, a list of the same
 * length (one per parameter group) with entries of the same kinds, a dict for a dict.
 *
 * @param owner - the class, for the message.
 * @throws TorchTypeError naming the entry, the kind expected and the type given; TorchValueError
 *   for a list of another length.
 */
export function checkStateEntry(owner: string, key: string, current: unknown, value: unknown): void {
  const where = `${owner}.load_state_dict: '${key}'`;
  const kind = kindOf(current);
  if (!fits(kind, value)) {
    raise(
      "TypeError",
      `${where} must be ${kind === "dict" ? "a dict" : `a ${kind}`}, as state_dict() saves it, got ${typeName(value)}`,
    );
  }
  if (kind !== "list") return;
  const saved = current as readonly unknown[];
  const given = value as readonly unknown[];
  if (given.length !== saved.length) {
    raise("ValueError", `${where} has ${given.length} values where this scheduler has ${saved.length}`);
  }
  given.forEach((item, i) => {
    const itemKind = kindOf(saved[i]);
    // None where a formula was: a lambda saved from a JavaScript function, which keeps the current one.
    if (itemKind === "str" && item === null) return;
    if (!fits(itemKind, item)) {
      raise(
        "TypeError",
        `${where}[${i}] must be ${itemKind === "dict" ? "a dict" : `a ${itemKind}`}, got ${typeName(item)}`,
      );
    }
  });
}
