export { describeParam, describeParams, type ParamInfo, type ParamKind } from "./describe.js";
export { defineFamily, definePreset, type FamilyDefinition, type PresetDefinition } from "./defineFamily.js";
export type {
  ClosedForm,
  CoreFamily,
  Cycles,
  Family,
  FormContext,
  LintFacts,
  NativeContext,
  Natives,
  ParamsSchema,
  Placement,
  PresetFacts,
  PresetFamily,
  SpecOptions,
  TorchScheduler,
} from "./family.js";
export { compileFormula, PythonError, type FormulaOptions, type FormulaSemantics } from "./formula.js";
export { MAX_SPEC_DEPTH } from "./depth.js";
export { fromSpec, isSpec } from "./fromSpec.js";
export { parseSchedule, parseSpec } from "./parse.js";
export { combinators, coreFamilies, registerFamilies, registry } from "./registry.js";
export { SpecError } from "./specError.js";
export { SpecSyntaxError } from "./syntaxError.js";
export { parseText, toText, type ParsedText } from "./text.js";
export { withHorizon } from "./withHorizon.js";
