/**
 * Recipes from blog posts, under their own names and parameter names: the warmup + cosine schedulers
 * of a PyTorch blog post on custom schedulers (shared/seeds/warmup-cosine-custom-scheduler.txt), one a
 * `LambdaLR` lambda whose first epoch barely trains, one an `_LRScheduler` subclass that fixes it.
 *
 * @module
 */
export {
  warm_up_cosine_lr_scheduler,
  type WarmUpCosineLrSchedulerOptions,
} from "./warmUpCosineLrScheduler.js";
export { WarmupCosineLR, type WarmupCosineLROptions } from "./warmupCosineLR.js";
