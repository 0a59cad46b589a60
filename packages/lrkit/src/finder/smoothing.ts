/**
 * Loss smoothing for the range test.
 *
 * @module
 */

/** A running smoother: feed it losses, read the smoothed value. */
export type Smoother = (loss: number) => number;

/**
 * The bias-corrected exponential moving average of fastai and pytorch-lr-finder:
 * `avg = beta * avg + (1 - beta) * loss`, smoothed `avg / (1 - beta^i)` after `i` losses.
 *
 * @param beta - in [0, 1); 0 means no smoothing. fastai uses 0.98.
 */
export function emaSmoother(beta: number): Smoother {
  let avg = 0;
  let i = 0;
  return (loss) => {
    i += 1;
    avg = beta * avg + (1 - beta) * loss;
    return avg / (1 - beta ** i);
  };
}

/**
 * The MXNet tutorial's running mean: the first loss, then
 * `mean = (1 - smoothing) * loss + smoothing * mean`.
 *
 * @param smoothing - in [0, 1); the tutorial uses 0.3.
 */
export function runningMeanSmoother(smoothing: number): Smoother {
  let mean: number | undefined;
  return (loss) => {
    mean = mean === undefined ? loss : (1 - smoothing) * loss + smoothing * mean;
    return mean;
  };
}
