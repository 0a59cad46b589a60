/**
 * Learning-rate suggestions from a range-test curve, all with one signature (as fastai's):
 * `(lrs, losses) => index | undefined`, on the smoothed losses of the trimmed curve (see
 * `trimCurve`). `undefined` when the curve is too short or has no falling part.
 *
 * @module
 */

/** A suggestion method: the index of the suggested point of the curve, or undefined. */
export type SuggestionMethod = (lrs: readonly number[], losses: readonly number[]) => number | undefined;

/**
 * Steepest descent: the point where the smoothed loss falls fastest per unit of log(lr),
 * `(loss[i+1] - loss[i]) / (log lr[i+1] - log lr[i])` most negative, searched before the lowest
 * loss (fastai's `steep` searches the whole curve; past the minimum the loss is diverging, and a
 * dip there is noise, not a good learning rate).
 */
export const steepest: SuggestionMethod = (lrs, losses) => {
  const low = minimum(lrs, losses) ?? losses.length - 1;
  let best: number | undefined;
  let bestSlope = 0;
  for (let i = 0; i + 1 <= low; i++) {
    const slope = (losses[i + 1]! - losses[i]!) / (Math.log(lrs[i + 1]!) - Math.log(lrs[i]!));
    if (slope < bestSlope) {
      bestSlope = slope;
      best = i;
    }
  }
  return best;
};

/** The point of the lowest smoothed loss (fastai's `minimum` then divides its lr by 10). */
export const minimum: SuggestionMethod = (_lrs, losses) => {
  let best: number | undefined;
  for (let i = 0; i < losses.length; i++) if (best === undefined || losses[i]! < losses[best]!) best = i;
  return best;
};

/**
 * fastai's `valley`: the longest valley, i.e. the longest decreasing subsequence of the loss,
 * and the point two thirds of the way down it (`start + int(len/3) + int(len/6)`).
 */
export const valley: SuggestionMethod = (_lrs, losses) => {
  const n = losses.length;
  if (n < 2) return undefined;
  const lds = new Array<number>(n).fill(1);
  let maxStart = 0;
  let maxEnd = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (losses[i]! < losses[j]! && lds[i]! < lds[j]! + 1) lds[i] = lds[j]! + 1;
      if (lds[maxEnd]! < lds[i]!) {
        maxEnd = i;
        maxStart = maxEnd - lds[maxEnd]!;
      }
    }
  }
  if (maxEnd === 0) return undefined;
  const sections = (maxEnd - maxStart) / 3;
  return maxStart + Math.trunc(sections) + Math.trunc(sections / 2);
};

/**
 * fastai's `slide`: walking left from the end with a window of `lrDiff` points, the first place
 * where the loss gradient at both ends of the window differs by at most `thresh`.
 *
 * @param lrDiff - window length. Defaults to 15.
 * @param thresh - gradient difference. Defaults to 0.005.
 */
export function slide(lrDiff = 15, thresh = 0.005): SuggestionMethod {
  return (_lrs, losses) => {
    const n = losses.length;
    if (n <= lrDiff) return undefined;
    const grad = gradient(losses);
    let r = n - 1;
    let l = r - lrDiff;
    let found = l;
    while (l >= 0 && Math.abs(grad[r]! - grad[l]!) > thresh) {
      found = l;
      r -= 1;
      l -= 1;
    }
    return found;
  };
}

/** numpy.gradient: central differences inside, one-sided at the ends. */
export function gradient(ys: readonly number[]): number[] {
  const n = ys.length;
  if (n < 2) return ys.map(() => 0);
  return ys.map((_, i) =>
    i === 0 ? ys[1]! - ys[0]! : i === n - 1 ? ys[n - 1]! - ys[n - 2]! : (ys[i + 1]! - ys[i - 1]!) / 2,
  );
}

/** A suggestion: a method and the factor its point's lr is multiplied by. */
export interface Suggestion {
  readonly method: SuggestionMethod;
  readonly scale: number;
  /** One line for reports. */
  readonly about: string;
}

/** Every suggestion the range test computes, by name, in order of preference for the recommendation. */
export const SUGGESTIONS = {
  valley: {
    method: valley,
    scale: 1,
    about: "two thirds down the longest valley of the loss (fastai's default)",
  },
  steepest: { method: steepest, scale: 1, about: "where the loss falls fastest per decade of lr" },
  slide: { method: slide(), scale: 1, about: "fastai's interval slide rule" },
  minimum: { method: minimum, scale: 0.1, about: "a tenth of the lr at the lowest loss" },
  ruleOfThumb: {
    method: minimum,
    scale: 0.5,
    about: "half the highest lr before the loss diverges (the MXNet tutorial's choice)",
  },
} as const satisfies Record<string, Suggestion>;

/** The name of a suggestion method. */
export type SuggestionName = keyof typeof SUGGESTIONS;

/**
 * The part of a curve the suggestions look at, as fastai's `lr_find` does: from
 * `floor(planned / 10)` (the noise before the loss moves) to five points before the end (the
 * divergence), and nothing from the first non-finite loss on. Returns `[from, to)` indices.
 *
 * @param losses - the smoothed losses recorded.
 * @param planned - the number of steps the sweep planned. Defaults to `losses.length`.
 */
export function trimCurve(losses: readonly number[], planned = losses.length): [number, number] {
  const from = Math.min(Math.floor(planned / 10), losses.length);
  let to = Math.max(from, losses.length - 5);
  const bad = losses.findIndex((l, i) => i >= from && i < to && !Number.isFinite(l));
  if (bad !== -1) to = bad;
  return [from, to];
}
