export { describeParam, describeParams, type ParamInfo, type ParamKind } from "./describe.js";
export type { Family } from "./family.js";
export { compileFormula, PythonError, type FormulaOptions, type FormulaSemantics } from "./formula.js";
export { fromSpec, isSpec } from "./fromSpec.js";
export { parseSchedule, parseSpec } from "./parse.js";
export { combinators, coreFamilies, registry } from "./registry.js";
export { SpecError } from "./specError.js";
export { SpecSyntaxError } from "./syntaxError.js";
export { parseText, toText, type ParsedText } from "./text.js";
