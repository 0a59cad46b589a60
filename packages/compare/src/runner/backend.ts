/**
 * The TensorFlow.js backend a compare trains on.
 *
 * @module
 */
import { setupBackend, type BackendReport } from "@lrkit/tfjs";

const NAMES = ["tensorflow", "wasm", "cpu"] as const;

/**
 * The backend asked for ("tensorflow", "wasm" or "cpu"), or the best available for "auto" or none.
 *
 * @throws RangeError for another name.
 */
export async function chooseBackend(prefer: string | undefined): Promise<BackendReport> {
  if (prefer === undefined || prefer === "auto") return setupBackend({});
  if (!(NAMES as readonly string[]).includes(prefer))
    throw new RangeError(
      `compare: backend must be "auto", ${NAMES.map((n) => `"${n}"`).join(", ")}, got "${prefer}"`,
    );
  return setupBackend({ prefer: [prefer as (typeof NAMES)[number]] });
}
