// What the README's TypeScript examples take as given (your model, your tensors, your loop), for
// `npm run check:peers`, which type-checks them with these declarations.
declare const model: import("@tensorflow/tfjs-layers").LayersModel;
declare const optimizer: import("@tensorflow/tfjs-core").Optimizer;
declare const xs: import("@tensorflow/tfjs-core").Tensor;
declare const ys: import("@tensorflow/tfjs-core").Tensor;
declare const xv: import("@tensorflow/tfjs-core").Tensor;
declare const yv: import("@tensorflow/tfjs-core").Tensor;
declare const train: import("@lrkit/tfjs").ImageDataset;
declare const test: import("@lrkit/tfjs").ImageDataset;
declare const signal: AbortSignal;
declare const onProgress: (progress: import("lrkit").RangeTestProgress) => void;
declare const onSweep: (result: import("lrkit").RangeTestResult) => void;
declare const total_steps: number;
declare const validationLoss: number;
declare const lrs: number[];
declare const losses: number[];
declare const loss: number[];
declare const acc: number[];
declare const val_acc: number[];
declare function trainOneEpoch(lr: number): void;
declare function buildModel(): import("@tensorflow/tfjs-layers").LayersModel;
declare function writeFileSync(file: string, data: string): void;
