/**
 * lrkit's kernels for TensorFlow.js's wasm backend, compiled by `npm run build:wasm` to
 * `wasm/kernels.wasm`.
 */
export * from "./convolution";
export * from "./pooling";
export * from "./rows";
export * from "./elementwise";
