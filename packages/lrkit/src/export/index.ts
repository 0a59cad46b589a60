export { closedForm, hasClosedForm, type ClosedFormOptions } from "./closedForm.js";
export { exportCode, exportSchedule, exportTargets, type ExportTarget } from "./exportSchedule.js";
export { ExportError } from "./expr.js";
export { toKeras } from "./keras.js";
export { toOptax } from "./optax.js";
export { toPyTorch } from "./pytorch.js";
export type { ExportOptions } from "./resolve.js";
export { toTypeScript } from "./typescript.js";
