/**
 * The Train panel's settings: what a link carries of it (the data and the results stay in the tab).
 *
 * @module
 */

/** The models the panel builds. */
export const MODELS = ["mlp", "lenet"] as const;

/** One of {@link MODELS}: a dense network (for images and CSV data alike), or LeNet (images only). */
export type ModelChoice = (typeof MODELS)[number];

/** The Train panel's settings. */
export interface TrainSettings {
  /** The model. Defaults to `"mlp"`. */
  readonly model: ModelChoice;
  /**
   * The optimizer of the range test and of training: a name of @lrkit/tfjs's `OPTIMIZERS` (the
   * worker lists them; the page's own bundle holds no TensorFlow.js). Defaults to `"sgd"`.
   */
  readonly optimizer: string;
  /** Epochs of each training run. Defaults to 3. */
  readonly epochs: number;
  /** Examples per update, in the range test and in training. Defaults to 64. */
  readonly batchSize: number;
  /**
   * The range test's first lr; undefined for the optimizer's own start (its `rangeTestStart` in
   * `OPTIMIZERS`, as `lrkit find` starts: 1e-3 for SGD, 1e-5 for Adam). Defaults to undefined.
   */
  readonly start: number | undefined;
  /** The range test's last lr. Defaults to 10. */
  readonly end: number;
  /** The range test's steps. Defaults to 100. */
  readonly iterations: number;
}

/** The settings of a fresh page. */
export const defaultTrainSettings: TrainSettings = {
  model: "mlp",
  optimizer: "sgd",
  epochs: 3,
  batchSize: 64,
  start: undefined,
  end: 10,
  iterations: 100,
};

/** Each setting's key in the URL fragment, and the integers' bounds. */
const KEYS = {
  model: "tmodel",
  optimizer: "topt",
  epochs: "tepochs",
  batchSize: "tbatch",
  start: "tstart",
  end: "tend",
  iterations: "tsteps",
};
const BOUNDS = { epochs: [1, 100], batchSize: [1, 4096], iterations: [5, 1000] } as const;

/** An integer setting's value read from a field or a link, or undefined outside its bounds. */
export function readInteger(key: keyof typeof BOUNDS, text: string | undefined): number | undefined {
  const n = Number(text);
  const [lo, hi] = BOUNDS[key];
  return text !== undefined && /^\d+$/.test(text.trim()) && n >= lo && n <= hi ? n : undefined;
}

/** A learning rate read from a field or a link (a positive finite number), or undefined. */
export function readLr(text: string | undefined): number | undefined {
  const n = Number(text);
  return text !== undefined && text.trim() !== "" && Number.isFinite(n) && n > 0 ? n : undefined;
}

/** The URL fragment's parameters (`key=value`) of the settings that differ from the defaults. */
export function encodeTrainSettings(s: TrainSettings): string[] {
  return (Object.keys(KEYS) as (keyof TrainSettings)[])
    .filter((k) => s[k] !== defaultTrainSettings[k])
    .map((k) => `${KEYS[k]}=${s[k]}`);
}

/** An optimizer's name read from a field or a link (lower-case letters), or undefined. */
export function readOptimizer(text: string | undefined): string | undefined {
  return text !== undefined && /^[a-z]+$/.test(text) ? text : undefined;
}

/**
 * The settings a URL fragment's parameters hold; anything missing, unreadable or out of bounds
 * takes its default, and a range test whose end is not above its start takes both defaults. An
 * optimizer the worker does not list is set back to the default when the panel starts.
 */
export function decodeTrainSettings(params: ReadonlyMap<string, string>): TrainSettings {
  const d = defaultTrainSettings;
  const model = params.get(KEYS.model);
  const start = readLr(params.get(KEYS.start));
  const end = readLr(params.get(KEYS.end)) ?? d.end;
  return {
    model: (MODELS as readonly string[]).includes(model ?? "") ? (model as ModelChoice) : d.model,
    optimizer: readOptimizer(params.get(KEYS.optimizer)) ?? d.optimizer,
    epochs: readInteger("epochs", params.get(KEYS.epochs)) ?? d.epochs,
    batchSize: readInteger("batchSize", params.get(KEYS.batchSize)) ?? d.batchSize,
    ...(start === undefined || end > start ? { start, end } : { start: d.start, end: d.end }),
    iterations: readInteger("iterations", params.get(KEYS.iterations)) ?? d.iterations,
  };
}
