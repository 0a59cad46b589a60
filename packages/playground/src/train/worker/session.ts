/**
 * The worker's state and work: the data, the model built for it with its initial weights, the
 * range test and the training runs, each from those same weights.
 *
 * @module
 */
import { dispose, type Tensor } from "@tensorflow/tfjs-core";
import type { LayersModel } from "@tensorflow/tfjs-layers";
import {
  createOptimizer,
  disposeOptimizer,
  evaluate,
  findLearningRate,
  isOptimizerName,
  OPTIMIZER_NAMES,
  OPTIMIZERS,
  train,
  type OptimizerName,
  type TrainingData,
} from "@lrkit/tfjs";
import { fromSpec } from "lrkit";
import type { DataInfo, Progress, RangeTestAnswer, Request, RunAnswer, RunSettings } from "../protocol.js";
import type { ModelChoice } from "../settings.js";
import { buildModel } from "./models.js";
import { compareWeights, readWeights } from "./weights.js";

/** The models output logits: lrkit's softmax cross-entropy on them, with its accuracy (`acc`). */
const LOSS = "softmaxCrossEntropy";

/**
 * The optimizer named by the settings.
 *
 * @throws Error for a name that is not one of @lrkit/tfjs's optimizers, listing them.
 */
function optimizerNamed(name: string): OptimizerName {
  if (isOptimizerName(name)) return name;
  throw new Error(`Train: the optimizer must be one of ${OPTIMIZER_NAMES.join(", ")}, got "${name}"`);
}

/** Data the session trains on. */
export interface SessionData {
  readonly name: string;
  readonly train: TrainingData;
  readonly validation: TrainingData;
  readonly trainCount: number;
  readonly validationCount: number;
  readonly classes: string[];
  readonly shape: number[];
  /** Frees its tensors, if it has any. */
  dispose(): void;
}

type RangeTestSettings = Extract<Request, { type: "rangeTest" }>["settings"];
type TrainSettings = Extract<Request, { type: "train" }>["settings"];

/** The data, and the model built for it with the initial weights every run starts from. */
export class Session {
  private data: SessionData | undefined;
  private model: { choice: ModelChoice; model: LayersModel; title: string; initial: Tensor[] } | undefined;

  /** Replaces the data (freeing the last one's tensors) and builds the model for it. */
  use(data: SessionData, settings: RunSettings): DataInfo {
    this.data?.dispose();
    this.data = data;
    this.disposeModel();
    return this.info(settings);
  }

  /** What the data and model are; rebuilds the model when the choice changed. */
  info(settings: RunSettings): DataInfo {
    const data = this.need();
    const { model, title } = this.modelFor(settings.model);
    return {
      name: data.name,
      train: data.trainCount,
      validation: data.validationCount,
      classes: data.classes,
      shape: data.shape,
      model: title,
      weights: model.countParams(),
      batchesPerEpoch: Math.ceil(data.trainCount / settings.batchSize),
    };
  }

  /**
   * The range test from the initial weights with the chosen optimizer, from the settings' start or
   * else the optimizer's `rangeTestStart`; the weights checked afterwards.
   */
  async rangeTest(
    s: RangeTestSettings,
    signal: AbortSignal,
    progress: (p: Progress) => void,
  ): Promise<RangeTestAnswer> {
    const data = this.need();
    const { model } = this.modelFor(s.model);
    const before = readWeights(model);
    const name = optimizerNamed(s.optimizer);
    const start = s.start ?? OPTIMIZERS[name].rangeTestStart;
    const optimizer = createOptimizer(name, { lr: start });
    const started = performance.now();
    try {
      const result = await findLearningRate(model, data.train, {
        start,
        end: s.end,
        iterations: s.iterations,
        batchSize: s.batchSize,
        trainingSteps: s.trainingSteps,
        optimizer,
        loss: LOSS,
        signal,
        onProgress: (p) => progress({ kind: "sweep", ...p }),
      });
      const weights = compareWeights(before, readWeights(model));
      return { result, weights, seconds: (performance.now() - started) / 1000 };
    } finally {
      disposeOptimizer(optimizer);
    }
  }

  /** Trains each schedule in turn from the initial weights, and puts those back at the end. */
  async train(
    runs: Extract<Request, { type: "train" }>["runs"],
    s: TrainSettings,
    signal: AbortSignal,
    progress: (p: Progress) => void,
  ): Promise<RunAnswer[]> {
    const data = this.need();
    const optimizer = optimizerNamed(s.optimizer);
    const built = this.modelFor(s.model);
    const { model } = built;
    const answers: RunAnswer[] = [];
    const before = readWeights(model);
    try {
      // Every run starts from the same weights on the same validation data: evaluated once.
      model.setWeights(built.initial);
      const start = await evaluate(model, data.validation, { loss: LOSS });
      for (const { letter, spec } of runs) {
        if (signal.aborted) break;
        model.setWeights(built.initial);
        const started = performance.now();
        const result = await train({
          model,
          data: data.train,
          validation: data.validation,
          epochs: s.epochs,
          batchSize: s.batchSize,
          schedule: fromSpec(spec),
          unit: s.unit,
          optimizer,
          loss: LOSS,
          seed: 0,
          signal,
          onProgress: (p) => {
            if (p.type === "batch")
              progress({
                kind: "batch",
                letter,
                epoch: p.epoch,
                batch: p.batch,
                batches: p.batches ?? 0,
                loss: p.loss,
              });
          },
        });
        const answer: RunAnswer = {
          letter,
          initial: { loss: start.loss, acc: start.metrics.acc ?? NaN },
          history: result.history,
          stopped: result.stopped,
          weights: compareWeights(before, readWeights(model)),
          seconds: (performance.now() - started) / 1000,
        };
        answers.push(answer);
        progress({ kind: "run", run: answer });
      }
    } finally {
      model.setWeights(built.initial);
    }
    return answers;
  }

  private need(): SessionData {
    if (!this.data) throw new Error("Train: load the sample or a CSV file first");
    return this.data;
  }

  private modelFor(choice: ModelChoice) {
    if (this.model?.choice !== choice) {
      this.disposeModel();
      const data = this.need();
      const { model, title } = buildModel(choice, data.shape, data.classes.length);
      this.model = { choice, model, title, initial: model.getWeights().map((w) => w.clone()) };
    }
    return this.model!;
  }

  private disposeModel() {
    if (!this.model) return;
    dispose(this.model.initial);
    this.model.model.dispose();
    this.model = undefined;
  }
}
