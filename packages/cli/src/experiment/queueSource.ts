/**
 * The experiment as it travels through a queue from `lrkit compare --queue` to `lrkit worker`: the
 * config's model and data (or module) and the directory its paths are relative to, which each
 * worker resolves on its own machine (bundled names to its own install, paths as given).
 *
 * @module
 */
import type { CompareConfig } from "./config.js";
import { resolveSource, type SourceSpec } from "./source.js";

/** A compare config's source, as its queue jobs carry it (JSON). */
export interface QueueSource {
  readonly source: SourceSpec;
  readonly baseDir: string;
}

/** The queue source of `config`. */
export function queueSource(config: CompareConfig): QueueSource {
  return { source: config.source, baseDir: config.baseDir };
}

/**
 * The experiment module and options a job's source stands for on this machine.
 *
 * @throws Error when `value` is not a queue source; what `resolveSource` throws.
 */
export async function resolveQueueSource(
  value: unknown,
): Promise<{ module: string; moduleOptions: unknown }> {
  const given = value as Partial<QueueSource> | null;
  if (typeof given?.baseDir !== "string" || typeof given.source !== "object" || given.source === null)
    throw new Error(
      `lrkit worker: a job's experiment must be { source, baseDir }, got ${JSON.stringify(value)}`,
    );
  const resolved = await resolveSource(given.source, given.baseDir);
  return { module: resolved.module, moduleOptions: resolved.moduleOptions };
}
