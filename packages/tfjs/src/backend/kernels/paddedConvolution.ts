/**
 * What lrkit's wasm convolution kernels share: the geometry of a convolution over a zero-padded
 * copy of its input, and the buffers the convolution module reads (see
 * `assembly/convolution.ts`).
 *
 * @module
 */
import type { backend_util, TensorInfo } from "@tensorflow/tfjs-core";
import { address, type KernelModule } from "./kernelModule.js";
import type { WasmBackend } from "./kernelUtil.js";

/** A 2-D convolution (NHWC) over its input padded to [n, hp, wp, c]. */
export interface PaddedGeometry {
  readonly n: number;
  readonly h: number;
  readonly w: number;
  readonly c: number;
  readonly oh: number;
  readonly ow: number;
  readonly o: number;
  readonly fh: number;
  readonly fw: number;
  readonly sh: number;
  readonly sw: number;
  readonly dh: number;
  readonly dw: number;
  readonly top: number;
  readonly left: number;
  /** Rows of the padded input: every row the filter reaches, and every row of the input. */
  readonly hp: number;
  /** Columns of the padded input. */
  readonly wp: number;
  /** Filter taps, fh·fw·c. */
  readonly k: number;
  /**
   * The module's tile width in channels: 16 where rounding the output channels up to 16 costs no
   * more than rounding them up to 8 (16, 32, ... channels), else 8.
   */
  readonly wide: number;
  /** The output channels rounded up to a multiple of `wide` (the module's "wide" rows). */
  readonly oWide: number;
}

/** The padded geometry of the convolution TensorFlow.js describes as `info`. */
export function paddedGeometry(info: backend_util.Conv2DInfo): PaddedGeometry {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info;
  const { outChannels: o, filterHeight: fh, filterWidth: fw } = info;
  const { strideHeight: sh, strideWidth: sw, dilationHeight: dh, dilationWidth: dw } = info;
  const { top, left } = info.padInfo;
  const wide = Math.ceil(o / 16) * 16 === Math.ceil(o / 8) * 8 ? 16 : 8;
  return {
    ...{ n, h, w, c, oh, ow, o, fh, fw, sh, sw, dh, dw, top, left },
    hp: Math.max((oh - 1) * sh + (fh - 1) * dh + 1, top + h),
    wp: Math.max((ow - 1) * sw + (fw - 1) * dw + 1, left + w),
    k: fh * fw * c,
    wide,
    oWide: Math.ceil(o / wide) * wide,
  };
}

/** A float32 scratch buffer of `size` values on the heap (uninitialised); the caller frees it. */
export function scratch(backend: WasmBackend, size: number): TensorInfo {
  return backend.makeOutput([size], "float32");
}

/**
 * The NHWC input `x` copied into a zero-padded [n, hp, wp, c] buffer, or `x` itself when it needs
 * no padding; free the result with {@link freeCopy}.
 */
export function padInput(
  backend: WasmBackend,
  module: KernelModule,
  x: TensorInfo,
  g: PaddedGeometry,
): TensorInfo {
  if (g.hp === g.h && g.wp === g.w) return x;
  const xp = scratch(backend, g.n * g.hp * g.wp * g.c);
  module.padImages(
    address(backend, x),
    address(backend, xp),
    ...[g.n, g.h, g.w, g.c, g.top, g.left, g.hp, g.wp],
  );
  return xp;
}

/**
 * The module's tap table: for each filter tap (i, j, ci), the byte offset of
 * xp[y + i·dh, x + j·dw, ci] from xp[y, x, 0]; `length` entries (taps past k are 0). The caller
 * frees it.
 */
export function tapTable(backend: WasmBackend, g: PaddedGeometry, length = g.k): TensorInfo {
  const table = backend.makeOutput([length], "int32");
  const offsets = backend.typedArrayFromHeap(table);
  offsets.fill(0);
  let t = 0;
  for (let i = 0; i < g.fh; i++)
    for (let j = 0; j < g.fw; j++)
      for (let ci = 0; ci < g.c; ci++) offsets[t++] = ((i * g.dh * g.wp + j * g.dw) * g.c + ci) * 4;
  return table;
}

/**
 * `src` [rows, cols] copied into rows of `wide` values, the extra ones zero, or `src` itself when
 * `wide` is `cols`; free the result with {@link freeCopy}.
 */
export function widen(
  backend: WasmBackend,
  module: KernelModule,
  src: TensorInfo,
  rows: number,
  cols: number,
  wide: number,
): TensorInfo {
  if (wide === cols) return src;
  const out = scratch(backend, rows * wide);
  module.copyRows(address(backend, src), cols, address(backend, out), wide, rows, cols);
  return out;
}

/** Frees `copy` unless it is `original` (see {@link padInput} and {@link widen}). */
export function freeCopy(backend: WasmBackend, copy: TensorInfo, original: TensorInfo): void {
  if (copy !== original) backend.disposeData(copy.dataId);
}

/** Frees the heap buffers `buffers`. */
export function free(backend: WasmBackend, ...buffers: TensorInfo[]): void {
  for (const b of buffers) backend.disposeData(b.dataId);
}
