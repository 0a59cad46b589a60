export { declaredMilestones, lint, lintRules } from "./lint.js";
export type { Diagnostic, LintOptions, LintRule, OneCycleLRLike, Severity, TrainingPlan } from "./types.js";
