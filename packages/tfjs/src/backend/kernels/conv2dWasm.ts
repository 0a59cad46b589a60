/**
 * `Conv2D` and `FusedConv2D` for the wasm backend, run by lrkit's SIMD kernel module: on LeNet's
 * small channel counts it is faster than the stock kernels' XNNPACK path, and it takes NCHW
 * inputs, which the stock kernels reject. Fused activations other than ReLU, and bias shapes other
 * than [O], go to the stock kernels.
 *
 * @module
 */
import type { KernelConfig, TensorInfo } from "@tensorflow/tfjs-core";
import { address, kernelModule } from "./kernelModule.js";
import {
  convGradGeometry,
  inFrontOf,
  transposeWasm,
  type ConvGradAttrs,
  type WasmBackend,
} from "./kernelUtil.js";
import {
  free,
  freeCopy,
  padInput,
  paddedGeometry,
  tapTable,
  widen,
  type PaddedGeometry,
} from "./paddedConvolution.js";

/** The attributes of `FusedConv2D` (`Conv2D` has the convolution's only). */
interface Attrs extends ConvGradAttrs {
  activation?: string;
  leakyreluAlpha?: number;
}

/** The inputs of `FusedConv2D` (`Conv2D` has `x` and `filter` only). */
interface Inputs {
  x: TensorInfo;
  filter: TensorInfo;
  bias?: TensorInfo;
  preluActivationWeights?: TensorInfo;
}

/** Whether lrkit's kernel computes this call (else the stock kernel does). */
function handles({ x, filter, bias, preluActivationWeights }: Inputs, attrs: Attrs): boolean {
  const activation = attrs.activation ?? "linear";
  return (
    x.dtype === "float32" &&
    (activation === "linear" || activation === "relu") &&
    !preluActivationWeights &&
    (!bias || (bias.shape.length === 1 && bias.shape[0] === filter.shape[3]))
  );
}

/**
 * Y = act(X ⊛ W + bias) over the input padded once into a scratch buffer: each output tile of 4
 * positions × 8 channels (or 2 × 16) accumulates the filter's taps in registers. NCHW tensors
 * are transposed to NHWC and back.
 */
function convolve(backend: WasmBackend, inputs: Inputs, attrs: Attrs): TensorInfo {
  const { nchw, info } = convGradGeometry(inputs.x.shape, inputs.filter.shape, attrs);
  if (!nchw) return convolveNhwc(backend, inputs, attrs, paddedGeometry(info));
  const x = transposeWasm(backend, inputs.x, [0, 2, 3, 1]);
  const y = convolveNhwc(backend, { ...inputs, x }, attrs, paddedGeometry(info));
  const out = transposeWasm(backend, y, [0, 3, 1, 2]);
  free(backend, x, y);
  return out;
}

/** {@link convolve} for NHWC tensors. */
function convolveNhwc(
  backend: WasmBackend,
  { x, filter, bias }: Inputs,
  attrs: Attrs,
  g: PaddedGeometry,
): TensorInfo {
  const module = kernelModule(backend);
  const y = backend.makeOutput([g.n, g.oh, g.ow, g.o], "float32");
  const xp = padInput(backend, module, x, g);
  const taps = tapTable(backend, g);
  const w = widen(backend, module, filter, g.k, g.o, g.oWide);
  const b = bias ? widen(backend, module, bias, 1, g.o, g.oWide) : undefined;
  module.convolve(
    ...[address(backend, xp), address(backend, taps), address(backend, w)],
    b ? address(backend, b) : 0,
    address(backend, y),
    ...[g.n, g.hp, g.wp, g.c, g.oh, g.ow, g.sh, g.sw, g.k, g.o],
    attrs.activation === "relu",
    g.wide,
  );
  free(backend, taps);
  freeCopy(backend, xp, x);
  freeCopy(backend, w, filter);
  if (b && bias) freeCopy(backend, b, bias);
  return y;
}

/**
 * The wasm kernel `stock` (`Conv2D` or `FusedConv2D`) with lrkit's convolution for the calls it
 * handles: float32, a linear or ReLU activation, a bias of shape [O] or none. Other calls go to
 * `stock`.
 *
 * @param stock - the wasm backend's own `Conv2D` or `FusedConv2D` config.
 */
export function convolutionWasmConfig(stock: KernelConfig): KernelConfig {
  return inFrontOf(stock, (args) => {
    const inputs = args.inputs as unknown as Inputs;
    const attrs = args.attrs as unknown as Attrs;
    return handles(inputs, attrs) ? convolve(args.backend as WasmBackend, inputs, attrs) : undefined;
  });
}
