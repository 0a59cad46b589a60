/**
 * The whole view as data, and its place in the URL: a link reproduces the view.
 *
 * The URL fragment holds `s=<spec>` once per schedule (the text as typed: the text syntax or JSON,
 * even when it is invalid), then `sel`, `steps`, `unit`, `spe`, `log` and `tab` when they differ
 * from the defaults, and the Train panel's settings (`tmodel`, `tepochs`, ...; never its data or
 * results):
 * `#s=warmup(cosine(lr=0.3,%20steps=25),%20steps=5)&s=step(lr=0.1,%20stepSize=10)&steps=40&log=1&tab=pytorch`.
 * Characters that are legal in a fragment (`( ) , = [ ] { } :` ...) stay readable.
 *
 * @module
 */
import {
  decodeTrainSettings,
  defaultTrainSettings,
  encodeTrainSettings,
  type TrainSettings,
} from "./train/settings.js";

/** The panels under the chart. */
export const tabs = ["lint", "ts", "pytorch", "optax", "keras", "data", "train"] as const;

/** One of {@link tabs}. */
export type Tab = (typeof tabs)[number];

/** Everything a link reproduces. */
export interface ViewState {
  /** The schedules, as the text of their spec boxes (the text syntax or JSON). At least one. */
  readonly specs: readonly string[];
  /** The schedule shown in the editor (an index into `specs`). */
  readonly selected: number;
  /** Steps to chart, lint and export; undefined follows the schedules' horizons. */
  readonly steps: number | undefined;
  /** The plan's unit for lint. */
  readonly unit: "batch" | "epoch";
  /** Batches per epoch for lint, when known. */
  readonly stepsPerEpoch: number | undefined;
  /** A logarithmic lr axis. */
  readonly log: boolean;
  /** The panel shown under the chart. */
  readonly tab: Tab;
  /** The Train panel's settings. */
  readonly train: TrainSettings;
}

/** The view of a fresh page. */
export const defaultState: ViewState = {
  specs: ["warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)"],
  selected: 0,
  steps: undefined,
  unit: "batch",
  stepsPerEpoch: undefined,
  log: false,
  tab: "lint",
  train: defaultTrainSettings,
};

/** Characters left as they are in the fragment: legal there, and frequent in specs. */
const KEEP = /%(?:28|29|2C|3D|3A|5B|5D|7B|7D|2F|40|2A|21|24|27|3B|3F)/g;

function encode(text: string): string {
  return encodeURIComponent(text).replace(KEEP, (m) => decodeURIComponent(m));
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The URL fragment (without `#`) of a view. */
export function encodeState(state: ViewState): string {
  const parts = state.specs.map((s) => `s=${encode(s)}`);
  if (state.selected !== 0) parts.push(`sel=${state.selected}`);
  if (state.steps !== undefined) parts.push(`steps=${state.steps}`);
  if (state.unit !== defaultState.unit) parts.push(`unit=${state.unit}`);
  if (state.stepsPerEpoch !== undefined) parts.push(`spe=${state.stepsPerEpoch}`);
  if (state.log) parts.push("log=1");
  if (state.tab !== defaultState.tab) parts.push(`tab=${state.tab}`);
  parts.push(...encodeTrainSettings(state.train));
  return parts.join("&");
}

const positiveInt = (v: string | undefined): number | undefined => {
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= 1 && Number.isSafeInteger(n) ? n : undefined;
};

/**
 * The view a URL fragment (or query string) describes. Anything missing or unreadable takes its
 * default, so every link opens a view.
 *
 * @param fragment - `location.hash` or `location.search`, with or without its `#` or `?`.
 */
export function decodeState(fragment: string): ViewState {
  const specs: string[] = [];
  const params = new Map<string, string>();
  for (const part of fragment.replace(/^[#?]/, "").split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : decode(part.slice(eq + 1));
    if (key === "s") specs.push(value);
    else params.set(key, value);
  }
  if (specs.length === 0) specs.push(...defaultState.specs);
  const selected = Number(params.get("sel") ?? 0);
  const tab = params.get("tab");
  const log = params.get("log");
  return {
    specs,
    selected: Number.isInteger(selected) && selected >= 0 && selected < specs.length ? selected : 0,
    steps: positiveInt(params.get("steps")),
    unit: params.get("unit") === "epoch" ? "epoch" : "batch",
    stepsPerEpoch: positiveInt(params.get("spe")),
    log: log === "1" || log === "true",
    tab: (tabs as readonly string[]).includes(tab ?? "") ? (tab as Tab) : defaultState.tab,
    train: decodeTrainSettings(params),
  };
}
