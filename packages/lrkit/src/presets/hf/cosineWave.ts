// Anchor: huggingface/transformers src/transformers/optimization.py: the cosine that
// get_cosine_schedule_with_warmup, get_cosine_with_min_lr_schedule_with_warmup(_lr_rate),
// get_cosine_with_hard_restarts_schedule_with_warmup and get_wsd_schedule share, in HF's operation order.

/**
 * The progress through the decay, `float(t - w) / float(max(1, T - w))`, shared by HF's cosine
 * schedules.
 */
export function cosineProgress(t: number, w: number, T: number): number {
  return (t - w) / Math.max(1, T - w);
}

/**
 * HF's cosine multiplier, `0.5 * (1.0 + math.cos(math.pi * float(num_cycles) * 2.0 * progress))`:
 * 1 at progress 0, 0 after half a wave (`num_cycles = 0.5` at progress 1).
 */
export function cosineWave(progress: number, num_cycles: number): number {
  return 0.5 * (1 + Math.cos(Math.PI * num_cycles * 2 * progress));
}
