/**
 * What a model is trained on and judged by: the loss of each output (the model's compiled loss, or
 * one given), and the values reported besides it (the compiled metrics, or an accuracy where one
 * means something).
 *
 * @module
 */
import { train, type Optimizer } from "@tensorflow/tfjs-core";
import { input, model as functionalModel, type LayersModel } from "@tensorflow/tfjs-layers";
import { accuracyFor, LOGIT_LOSSES, targetKind, type LossFunction, type TargetKind } from "./losses.js";

/** A loss: a name `model.compile` knows (or one of lrkit's {@link LOGIT_LOSSES}), or a function. */
export type Loss = string | LossFunction;

/** The loss of every output, a list with one per output, or a record by output name (as `compile` takes). */
export type LossOption = Loss | readonly Loss[] | { readonly [outputName: string]: Loss };

/** A model's input or output: its name and its shape (batch first, `null` where any size goes). */
export interface TensorSlot {
  /** The layer's name. */
  readonly name: string;
  /** The shape, batch dimension first. */
  readonly shape: readonly (number | null)[];
}

/** One output of the model and its loss. */
export interface ObjectiveOutput extends TensorSlot {
  /** The loss by name, or null for a function. */
  readonly lossName: string | null;
  /** The loss: per-example values of a batch. */
  readonly loss: LossFunction;
  /** The targets the loss takes: one-hot rows, class indices or plain values. */
  readonly target: TargetKind;
}

/** A value reported besides the loss, computed on one output. */
export interface ObjectiveMetric {
  /** Its name in the logs, as `fit` names it (`acc`, `mae`, `out1_loss`, `out2_acc`). */
  readonly name: string;
  /** Per-example values (or their mean) of a batch. */
  readonly fn: LossFunction;
  /** The output it is computed on. */
  readonly output: number;
}

/** The loss and the reported values of a model. */
export interface Objective {
  /** The model's inputs, in order. */
  readonly inputs: readonly TensorSlot[];
  /** The model's outputs with their losses, in order. */
  readonly outputs: readonly ObjectiveOutput[];
  /** Reported besides the total loss: each output's loss (with several outputs), then the metrics. */
  readonly metrics: readonly ObjectiveMetric[];
  /** Every output's loss by name, when all are names (what a worker thread needs to rebuild them), else null. */
  readonly lossNames: readonly string[] | null;
}

/** Options of {@link objectiveOf}. */
export interface ObjectiveOptions {
  /** The loss; defaults to the model's compiled loss. */
  readonly loss?: LossOption | undefined;
  /** An optimizer to compile with while resolving loss names; defaults to the model's, else a temporary one. */
  readonly optimizer?: Optimizer | undefined;
}

/** True when `model.compile` has been called. */
export function isCompiled(model: LayersModel): boolean {
  return model.optimizer != null && model.loss != null;
}

const slots = (tensors: readonly { shape: readonly (number | null)[]; sourceLayer: { name: string } }[]) =>
  tensors.map((t) => ({ name: t.sourceLayer.name, shape: [...t.shape] }));

function perOutput(fn: string, option: LossOption, names: readonly string[]): Loss[] {
  if (typeof option === "string" || typeof option === "function") return names.map(() => option);
  if (Array.isArray(option)) {
    if (option.length !== names.length)
      throw new RangeError(
        `${fn}: loss must have one entry per model output (${names.length}: ${names.join(", ")}), got ${option.length}`,
      );
    return [...(option as readonly Loss[])];
  }
  const record = option as { readonly [name: string]: Loss };
  const unknown = Object.keys(record).filter((k) => !names.includes(k));
  if (unknown.length > 0)
    throw new RangeError(
      `${fn}: loss names outputs the model does not have: ${unknown.join(", ")} (its outputs: ${names.join(", ")})`,
    );
  return names.map((name) => {
    const loss = record[name];
    if (loss === undefined) throw new RangeError(`${fn}: loss has no entry for the model's output "${name}"`);
    return loss;
  });
}

/**
 * The functions behind loss names, resolved exactly as `model.compile` resolves them. tfjs-layers
 * exports no table of its losses, so a weightless stand-in with the same output names and shapes
 * is compiled with them: the user's model is never touched.
 */
function resolveNames(
  fn: string,
  outputs: readonly TensorSlot[],
  losses: readonly Loss[],
  optimizer: Optimizer,
) {
  const stand = outputs.map((o) => input({ name: o.name, shape: o.shape.slice(1) }));
  const probe = functionalModel({ inputs: stand, outputs: stand });
  try {
    // compile's types take a list of names or a list of functions; it resolves each entry alike.
    const list = losses.map((l) => (typeof l === "string" ? (LOGIT_LOSSES[l] ?? l) : l));
    probe.compile({ optimizer, loss: list as string[] });
    return probe.lossFunctions as LossFunction[];
  } catch (e) {
    const names = [...new Set(losses.filter((l): l is string => typeof l === "string"))];
    throw new TypeError(
      `${fn}: loss ${names.map((n) => JSON.stringify(n)).join(", ")} is not a TensorFlow.js loss nor one of lrkit's (${Object.keys(LOGIT_LOSSES).join(", ")}): ${(e as Error).message}`,
      { cause: e },
    );
  } finally {
    probe.dispose();
  }
}

/** The metrics `model.compile` set up, without the per-output losses it lists first. */
function compiledMetrics(model: LayersModel, outputs: number): ObjectiveMetric[] {
  if (!isCompiled(model) || model.metricsNames.length <= 1) return [];
  const skip = outputs > 1 ? outputs : 0;
  return model.metricsTensors.slice(skip).map(([metric, output], k) => ({
    name: model.metricsNames[1 + skip + k]!,
    fn: metric as LossFunction,
    output,
  }));
}

/**
 * The objective of `model`: its compiled loss (or `options.loss`, which takes the same forms as
 * `compile`'s `loss`, plus lrkit's losses on logits, `"softmaxCrossEntropy"` and
 * `"sigmoidCrossEntropy"`), and what is reported besides the loss: the compiled metrics, or else
 * the accuracy that goes with a classification loss (`acc`, as `fit` names it), nothing for other
 * losses. With several outputs each output's loss is reported too (`<output>_loss`).
 *
 * @param fn - the calling function, named in errors.
 * @throws TypeError for a model that is not compiled and gets no loss, or an unknown loss name;
 *   RangeError for a list or record of losses that does not match the outputs.
 * @example
 * ```ts
 * const objective = objectiveOf("tfjsLearner", model, { loss: "softmaxCrossEntropy" });
 * objective.metrics.map((m) => m.name); // ["acc"]
 * ```
 */
export function objectiveOf(fn: string, model: LayersModel, options: ObjectiveOptions = {}): Objective {
  const inputs = slots(model.inputs);
  const outputSlots = slots(model.outputs);
  const option = options.loss ?? (isCompiled(model) ? (model.loss as LossOption) : undefined);
  if (option === undefined)
    throw new TypeError(
      `${fn}: the model is not compiled and no loss was given: compile it (model.compile({ optimizer, loss })) or pass the loss option (e.g. "categoricalCrossentropy")`,
    );
  const losses = perOutput(
    fn,
    option,
    outputSlots.map((o) => o.name),
  );
  const given = options.optimizer ?? model.optimizer ?? undefined;
  const temporary = given ? undefined : train.sgd(0);
  let resolved: LossFunction[];
  try {
    resolved = resolveNames(fn, outputSlots, losses, given ?? temporary!);
  } finally {
    temporary?.dispose();
  }
  const outputs = outputSlots.map((slot, i): ObjectiveOutput => {
    const loss = losses[i]!;
    const lossName =
      typeof loss === "string"
        ? loss
        : (Object.keys(LOGIT_LOSSES).find((k) => LOGIT_LOSSES[k] === loss) ?? null);
    return { ...slot, lossName, loss: resolved[i]!, target: targetKind(lossName) };
  });
  const several = outputs.length > 1;
  const perOutputLosses = several
    ? outputs.map((o, i) => ({ name: `${o.name}_loss`, fn: o.loss, output: i }))
    : [];
  let reported = compiledMetrics(model, outputs.length);
  if (reported.length === 0)
    reported = outputs.flatMap((o, i) => {
      const accuracy = accuracyFor(o.lossName);
      return accuracy ? [{ name: several ? `${o.name}_acc` : "acc", fn: accuracy, output: i }] : [];
    });
  const names = outputs.map((o) => o.lossName);
  return {
    inputs,
    outputs,
    metrics: [...perOutputLosses, ...reported],
    lossNames: names.every((n): n is string => n !== null) ? names : null,
  };
}
