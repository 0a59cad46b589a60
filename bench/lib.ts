/**
 * What the benchmarks share: timing with tinybench, medians, the machine's load, and how a
 * benchmark loads the packages of a checkout (this one, or another given by `--root`, to
 * measure a "before" in the same run).
 *
 * @module
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Bench } from "tinybench";

/** The repository this file belongs to. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The median of `xs` (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The 1-, 5- and 15-minute load averages and the number of cores. */
export function load(): { loadavg: number[]; cores: number } {
  return { loadavg: loadavg().map((v) => +v.toFixed(2)), cores: cpus().length };
}

/** A sink for benchmark results, so that the engine cannot drop the work as dead code. */
export const sink = { value: 0 };

/**
 * Nanoseconds per operation of each function in `fns`, each of which performs `ops` operations
 * per call: tinybench measures every function for `timeMs` (after its warmup), `rounds` times in
 * alternation (a, b, a, b, ...), and the result is the median over the rounds of each round's
 * median latency, divided by `ops`.
 */
export async function nsPerOp(
  fns: Record<string, () => void>,
  ops: number,
  { rounds = 5, timeMs = 100 }: { rounds?: number; timeMs?: number } = {},
): Promise<Record<string, number>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    const bench = new Bench({
      time: timeMs,
      iterations: 10,
      warmupTime: r === 0 ? 100 : 20,
      warmupIterations: 5,
      throws: true,
    });
    for (const [name, fn] of Object.entries(fns)) bench.add(name, fn);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== "completed") throw new Error(`${task.name}: ${result.state}`);
      samples[task.name]!.push((result.latency.p50 * 1e6) / ops);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
}

/**
 * Bytes allocated per call of `fn`, run `count` times between two collections (keep the total
 * under the young generation's few megabytes); needs `--expose-gc`, else null.
 */
export function bytesPerCall(fn: () => void, count: number): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  for (let i = 0; i < Math.min(count, 100); i++) fn();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i++) fn();
  const after = process.memoryUsage().heapUsed;
  return Math.max(0, (after - before) / count);
}

/** The packages of the checkout at `root`, as a benchmark uses them. */
export interface Packages {
  readonly lrkit: typeof import("lrkit");
  readonly torch: typeof import("lrkit/torch");
  readonly presets: typeof import("lrkit/presets");
  readonly tfjs: typeof import("@lrkit/tfjs");
  readonly tf: typeof import("@tensorflow/tfjs-core");
  readonly layers: typeof import("@tensorflow/tfjs-layers");
  /** The bundled demo's models (@lrkit/tfjs's, or the CLI's in older checkouts) and data (the CLI's, or @lrkit/tfjs's). */
  readonly demo: Demo;
  /** `@lrkit/tfjs/node`, in checkouts that have it (else `train` takes `workers`). */
  readonly tfjsNode: typeof import("@lrkit/tfjs/node") | undefined;
}

/** The bundled demo's pieces a benchmark trains. */
export interface Demo {
  readonly lenet: (options: { seed: number }) => import("@tensorflow/tfjs-layers").LayersModel;
  readonly mlp: (options: { seed: number }) => import("@tensorflow/tfjs-layers").LayersModel;
  readonly loadFashionMnist: () => Promise<import("@lrkit/tfjs").DatasetSplits>;
}

/**
 * Loads the built packages of the checkout at `root` (default: this one) and the TensorFlow.js
 * they use (`tfjs` also loads the wasm and cpu backends). Build first (`npx tsc -b`).
 */
export async function loadPackages(root = REPO, { tfjs = false } = {}): Promise<Packages> {
  const from = (pkg: string, file: string) => import(pathToFileURL(join(root, "packages", pkg, file)).href);
  const require = createRequire(join(root, "packages", "tfjs", "package.json"));
  const dep = (name: string) => import(pathToFileURL(require.resolve(name)).href);
  const [lrkit, torch, presets] = await Promise.all([
    from("lrkit", "dist/index.js"),
    from("lrkit", "dist/torch/index.js"),
    from("lrkit", "dist/presets/index.js"),
  ]);
  if (!tfjs) return { lrkit, torch, presets } as Packages;
  const tf = await dep("@tensorflow/tfjs-core");
  const layers = await dep("@tensorflow/tfjs-layers");
  await dep("@tensorflow/tfjs-backend-cpu");
  await dep("@tensorflow/tfjs-backend-wasm");
  const tfjsModule = await from("tfjs", "dist/index.js");
  // The demo's data moved to the CLI, then its models back to @lrkit/tfjs: each from where the checkout has it.
  const cliData = existsSync(join(root, "packages", "cli", "dist", "bundled", "data", "fashionMnist.js"));
  const fromCli = (file: string) => from("cli", `dist/bundled/models/${file}.js`);
  const demo: Demo = {
    lenet: "lenet" in tfjsModule ? tfjsModule.lenet : (await fromCli("lenet")).lenet,
    mlp: "mlp" in tfjsModule ? tfjsModule.mlp : (await fromCli("mlp")).mlp,
    loadFashionMnist: cliData
      ? (await from("cli", "dist/bundled/data/fashionMnist.js")).loadFashionMnist
      : tfjsModule.loadFashionMnist,
  };
  const nodeEntry = join(root, "packages", "tfjs", "dist", "node", "index.js");
  const tfjsNode = existsSync(nodeEntry) ? await import(pathToFileURL(nodeEntry).href) : undefined;
  return { lrkit, torch, presets, tf, layers, tfjs: tfjsModule, demo, tfjsNode } as Packages;
}
