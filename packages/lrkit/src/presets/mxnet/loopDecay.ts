// Anchor: apache/mxnet python/mxnet/lr_scheduler.py, FactorScheduler and MultiFactorScheduler
// (`self.base_lr *= self.factor` once per decay), and d2l's FactorScheduler
// (`self.base_lr = max(self.stop_factor_lr, self.base_lr * self.factor)` once per call).

/** Decays between two remembered values: a call multiplies at most this many times. */
const STRIDE = 256;

/** Decays computed one by one at most; past them, the closed form from the last one. */
const LIMIT = 1 << 20;

/**
 * The lr after `k` decays of the anchors' loop `lr = lr * factor`, raised to `floor` when below it:
 * rounded at every multiplication, as the loop is, where the closed form `base * factor ** k`
 * rounds once (an ulp apart after a few decays, and more as they add up).
 *
 * Pure and cheap per call: the loop runs once at construction until its value stops changing (it
 * reaches the floor, 0, or a value that `* factor` rounds back to itself) and remembers the value
 * every 256 decays, so a call multiplies at most 255 times. A loop that has not settled within
 * 2^20 decays (a factor within about 1e-5 of 1 and a floor far below) continues past them in closed
 * form from its value there: a million decays is beyond any schedule these anchors drive.
 *
 * @param base - the lr before any decay.
 * @param factor - the factor of a decay, in (0, 1].
 * @param floor - the lowest lr a decay gives (MXNet's and d2l's `stop_factor_lr`; 0 for none).
 * @param most - the most decays that will be asked for, where fewer than 2^20 (MultiFactorScheduler's
 *   number of steps). Defaults to 2^20.
 * @returns the lr after `k` decays, for a non-negative integer `k`; NaN for NaN.
 */
export function loopDecay(base: number, factor: number, floor: number, most = LIMIT): (k: number) => number {
  const decay = (lr: number) => {
    const next = lr * factor;
    return next < floor ? floor : next;
  };
  const remembered = [base];
  let lr = base;
  let settled = Infinity; // the decays after which the value no longer changes
  const limit = Math.min(most, LIMIT);
  for (let k = 1; k <= limit; k++) {
    const next = decay(lr);
    if (next === lr) {
      settled = k - 1;
      break;
    }
    lr = next;
    if (k % STRIDE === 0) remembered.push(lr);
  }
  const last = lr;
  return (k) => {
    if (!(k >= 0)) return NaN;
    if (k >= settled) return last;
    if (k > limit) return Math.max(floor, last * factor ** (k - limit));
    const from = Math.floor(k / STRIDE);
    let value = remembered[from]!;
    for (let i = from * STRIDE; i < k; i++) value = decay(value);
    return value;
  };
}
