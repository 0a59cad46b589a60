/**
 * lrkit's convolution kernels for TensorFlow.js's wasm backend, in AssemblyScript with 128-bit
 * SIMD. The module imports the backend's own memory: every pointer is a byte offset into the
 * backend's heap, where the caller (the TypeScript kernels in `src/backend/kernels/`) has
 * allocated every input, output and scratch buffer. The module allocates nothing and holds no
 * state.
 *
 * Layouts, all row-major:
 * - `xp`: the input NHWC, zero-padded to [n, hp, wp, c] (see {@link padImages}).
 * - tap offsets `taps`: for each filter tap k = (i, j, ci) in [fh, fw, c] order, the i32 byte
 *   offset of X[y + i·dh, x + j·dw, ci] from X[y, x, 0] in `xp`.
 * - a "wide" matrix [rows, o8]: `o8` = the channel count rounded up to a multiple of 8, the extra
 *   columns zero (see {@link copyRows}).
 *
 * Each kernel keeps a tile of 4 × 8 (or 2 × 16) sums in eight registers; rows of taps or
 * positions that do not fill a tile reuse a valid address and their results are dropped.
 */

/** Bytes in an f32. */
const F: i32 = 4;

/**
 * Copies the NHWC images `x` [n, h, w, c] into `xp` [n, hp, wp, c] at row `top` and column `left`,
 * zero everywhere else.
 */
export function padImages(
  x: usize,
  xp: usize,
  n: i32,
  h: i32,
  w: i32,
  c: i32,
  top: i32,
  left: i32,
  hp: i32,
  wp: i32,
): void {
  memory.fill(xp, 0, <usize>(n * hp * wp * c * F));
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < h; y++) {
      const from = x + <usize>((b * h + y) * w * c * F);
      copyFloats(xp + <usize>(((b * hp + y + top) * wp + left) * c * F), from, w * c);
    }
  }
}

/**
 * Copies `count` floats from `from` to `to` (which do not overlap), four at a time: rows here are
 * short, where a `memory.copy` per row costs more than the copy.
 */
function copyFloats(to: usize, from: usize, count: i32): void {
  let j = 0;
  for (; j + 4 <= count; j += 4) v128.store(to + <usize>(j * F), v128.load(from + <usize>(j * F)));
  for (; j < count; j++) store<f32>(to + <usize>(j * F), load<f32>(from + <usize>(j * F)));
}

/**
 * Copies the first `cols` columns of each of the `rows` rows of `src` [rows, srcCols] into `dst`
 * [rows, dstCols], the columns of `dst` past `cols` zero.
 */
export function copyRows(src: usize, srcCols: i32, dst: usize, dstCols: i32, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    const to = dst + <usize>(r * dstCols * F);
    copyFloats(to, src + <usize>(r * srcCols * F), cols);
    for (let j = cols; j < dstCols; j++) store<f32>(to + <usize>(j * F), 0);
  }
}

/**
 * Copies the positions [top, top + h) × [left, left + w) of the NHWC images `xp` [n, hp, wp, c]
 * into `x` [n, h, w, c].
 */
export function cropImages(
  xp: usize,
  x: usize,
  n: i32,
  h: i32,
  w: i32,
  c: i32,
  top: i32,
  left: i32,
  hp: i32,
  wp: i32,
): void {
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < h; y++) {
      const from = xp + <usize>(((b * hp + y + top) * wp + left) * c * F);
      copyFloats(x + <usize>((b * h + y) * w * c * F), from, w * c);
    }
  }
}

/** Stores the first `count` lanes of `v` (all four for 4 or more, none for 0 or fewer) at `dst`. */
function storeLanes(dst: usize, v: v128, count: i32): void {
  if (count >= 4) v128.store(dst, v);
  else {
    if (count > 0) v128.store32_lane(dst, v, 0);
    if (count > 1) v128.store32_lane(dst, v, 1, 4);
    if (count > 2) v128.store32_lane(dst, v, 2, 8);
  }
}

/** `v`, or max(`v`, 0) with `relu`. */
function activate(v: v128, relu: bool): v128 {
  return relu ? f32x4.max(v, f32x4.splat(0)) : v;
}

/**
 * The forward convolution, with an optional bias and ReLU:
 *
 *   Y[m, o] = act(bias[o] + Σ_k xp[base(m) + taps[k]] · w[k, o]),
 *
 * for each output position m = (b, y, x) in [n, oh, ow], base(m) the address of
 * xp[b, y·sh, x·sw, 0]. `w` is the filter [k, ow] wide and `bias` the bias [ow] wide (or 0 for
 * none), ow = o rounded up to a multiple of `wide`; `y` is written [n·oh·ow, o] (not wide). With
 * `wide` 8, tiles of 4 positions × 8 channels (for few channels); with 16, tiles of 2 positions
 * × 16 channels.
 */
export function convolve(
  xp: usize,
  taps: usize,
  w: usize,
  bias: usize,
  y: usize,
  n: i32,
  hp: i32,
  wp: i32,
  c: i32,
  oh: i32,
  ow: i32,
  sh: i32,
  sw: i32,
  k: i32,
  o: i32,
  relu: bool,
  wide: i32,
): void {
  const colStep = <usize>(sw * c * F);
  for (let b = 0; b < n; b++) {
    for (let yy = 0; yy < oh; yy++) {
      const rowStart = xp + <usize>((b * hp + yy * sh) * wp * c * F);
      const out = y + <usize>((b * oh + yy) * ow * o * F);
      if (wide == 16) tiles2x16(rowStart, colStep, taps, w, bias, out, ow, k, o, relu);
      else tiles4x8(rowStart, colStep, taps, w, bias, out, ow, k, o, relu);
    }
  }
}

/** One output row of {@link convolve} in tiles of 4 positions × 8 channels. */
function tiles4x8(
  rowStart: usize,
  colStep: usize,
  taps: usize,
  w: usize,
  bias: usize,
  out: usize,
  ow: i32,
  k: i32,
  o: i32,
  relu: bool,
): void {
  const o8 = (o + 7) & ~7;
  const wStep = <usize>(o8 * F);
  const rowBytes = <usize>(o * F);
  for (let x = 0; x < ow; x += 4) {
    // Four positions of the row (a tile past its end repeats the last one).
    const b0 = rowStart + <usize>x * colStep;
    const b1 = rowStart + <usize>min(x + 1, ow - 1) * colStep;
    const b2 = rowStart + <usize>min(x + 2, ow - 1) * colStep;
    const b3 = rowStart + <usize>min(x + 3, ow - 1) * colStep;
    for (let oc = 0; oc < o8; oc += 8) {
      let a00 = f32x4.splat(0);
      let a01 = a00;
      if (bias) {
        a00 = v128.load(bias + <usize>(oc * F));
        a01 = v128.load(bias + <usize>(oc * F), 16);
      }
      let a10 = a00;
      let a11 = a01;
      let a20 = a00;
      let a21 = a01;
      let a30 = a00;
      let a31 = a01;
      let wk = w + <usize>(oc * F);
      for (let t = 0; t < k; t++) {
        const off = <usize>load<i32>(taps + <usize>(t * 4));
        const w0 = v128.load(wk);
        const w1 = v128.load(wk, 16);
        const p0 = v128.load32_splat(b0 + off);
        const p1 = v128.load32_splat(b1 + off);
        const p2 = v128.load32_splat(b2 + off);
        const p3 = v128.load32_splat(b3 + off);
        a00 = f32x4.add(a00, f32x4.mul(p0, w0));
        a01 = f32x4.add(a01, f32x4.mul(p0, w1));
        a10 = f32x4.add(a10, f32x4.mul(p1, w0));
        a11 = f32x4.add(a11, f32x4.mul(p1, w1));
        a20 = f32x4.add(a20, f32x4.mul(p2, w0));
        a21 = f32x4.add(a21, f32x4.mul(p2, w1));
        a30 = f32x4.add(a30, f32x4.mul(p3, w0));
        a31 = f32x4.add(a31, f32x4.mul(p3, w1));
        wk += wStep;
      }
      const count = o - oc;
      const dst = out + <usize>((x * o + oc) * F);
      const left = ow - x;
      storeLanes(dst, activate(a00, relu), count);
      storeLanes(dst + 16, activate(a01, relu), count - 4);
      if (left > 1) {
        storeLanes(dst + rowBytes, activate(a10, relu), count);
        storeLanes(dst + rowBytes + 16, activate(a11, relu), count - 4);
      }
      if (left > 2) {
        storeLanes(dst + 2 * rowBytes, activate(a20, relu), count);
        storeLanes(dst + 2 * rowBytes + 16, activate(a21, relu), count - 4);
      }
      if (left > 3) {
        storeLanes(dst + 3 * rowBytes, activate(a30, relu), count);
        storeLanes(dst + 3 * rowBytes + 16, activate(a31, relu), count - 4);
      }
    }
  }
}

/** One output row of {@link convolve} in tiles of 2 positions × 16 channels. */
function tiles2x16(
  rowStart: usize,
  colStep: usize,
  taps: usize,
  w: usize,
  bias: usize,
  out: usize,
  ow: i32,
  k: i32,
  o: i32,
  relu: bool,
): void {
  const o16 = (o + 15) & ~15;
  const wStep = <usize>(o16 * F);
  const rowBytes = <usize>(o * F);
  for (let x = 0; x < ow; x += 2) {
    // Two positions of the row (a tile past its end repeats the last one).
    const b0 = rowStart + <usize>x * colStep;
    const b1 = rowStart + <usize>min(x + 1, ow - 1) * colStep;
    for (let oc = 0; oc < o16; oc += 16) {
      let a00 = f32x4.splat(0);
      let a01 = a00;
      let a02 = a00;
      let a03 = a00;
      if (bias) {
        const at = bias + <usize>(oc * F);
        a00 = v128.load(at);
        a01 = v128.load(at, 16);
        a02 = v128.load(at, 32);
        a03 = v128.load(at, 48);
      }
      let a10 = a00;
      let a11 = a01;
      let a12 = a02;
      let a13 = a03;
      let wk = w + <usize>(oc * F);
      for (let t = 0; t < k; t++) {
        const off = <usize>load<i32>(taps + <usize>(t * 4));
        const w0 = v128.load(wk);
        const w1 = v128.load(wk, 16);
        const w2 = v128.load(wk, 32);
        const w3 = v128.load(wk, 48);
        const p0 = v128.load32_splat(b0 + off);
        const p1 = v128.load32_splat(b1 + off);
        a00 = f32x4.add(a00, f32x4.mul(p0, w0));
        a01 = f32x4.add(a01, f32x4.mul(p0, w1));
        a02 = f32x4.add(a02, f32x4.mul(p0, w2));
        a03 = f32x4.add(a03, f32x4.mul(p0, w3));
        a10 = f32x4.add(a10, f32x4.mul(p1, w0));
        a11 = f32x4.add(a11, f32x4.mul(p1, w1));
        a12 = f32x4.add(a12, f32x4.mul(p1, w2));
        a13 = f32x4.add(a13, f32x4.mul(p1, w3));
        wk += wStep;
      }
      const count = o - oc;
      const dst = out + <usize>((x * o + oc) * F);
      storeLanes(dst, activate(a00, relu), count);
      storeLanes(dst + 16, activate(a01, relu), count - 4);
      storeLanes(dst + 32, activate(a02, relu), count - 8);
      storeLanes(dst + 48, activate(a03, relu), count - 12);
      if (ow - x > 1) {
        storeLanes(dst + rowBytes, activate(a10, relu), count);
        storeLanes(dst + rowBytes + 16, activate(a11, relu), count - 4);
        storeLanes(dst + rowBytes + 32, activate(a12, relu), count - 8);
        storeLanes(dst + rowBytes + 48, activate(a13, relu), count - 12);
      }
    }
  }
}

/**
 * The filter gradient, added to `dw`:
 *
 *   dW[k, o] += Σ_m xp[base(m) + taps[k]] · dy[m, o],
 *
 * over every output position m (as in {@link convolve}). `dy` is the output gradient, rows of
 * `dyStride` floats of which the first o count: each position loads oWide of them (o rounded up
 * to a multiple of `wide`), the extra ones from the next row or the row's zero padding, which
 * only reach columns of `dw` past o. So either dyStride is oWide (rows widened with zeros), or
 * the memory just past `dy`'s last row is readable (dyStride is o: every image but the last).
 * `dw` is [kt, oWide], kt the taps rounded up to a whole number of tiles (4 for `wide` 8, 2 for
 * 16; the extra rows are scratch), and `taps` holds kt entries (the extra ones any valid offset,
 * such as 0). For each image, each
 * tile of 4 taps × 8 channels (`wide` 8) or 2 taps × 16 channels (`wide` 16) accumulates over
 * the image's positions in registers.
 */
export function filterGradient(
  xp: usize,
  taps: usize,
  dy: usize,
  dyStride: i32,
  dw: usize,
  n: i32,
  hp: i32,
  wp: i32,
  c: i32,
  oh: i32,
  ow: i32,
  sh: i32,
  sw: i32,
  kt: i32,
  oWide: i32,
  wide: i32,
): void {
  const rowStep = <usize>(sh * wp * c * F);
  const colStep = <usize>(sw * c * F);
  for (let b = 0; b < n; b++) {
    const image = xp + <usize>(b * hp * wp * c * F);
    const grads = dy + <usize>(b * oh * ow * dyStride * F);
    if (wide == 16) gradTiles2x16(image, grads, taps, dw, kt, oWide, dyStride, oh, ow, rowStep, colStep);
    else gradTiles4x8(image, grads, taps, dw, kt, oWide, dyStride, oh, ow, rowStep, colStep);
  }
}

/** One image's share of {@link filterGradient} in tiles of 4 taps × 8 channels. */
function gradTiles4x8(
  image: usize,
  grads: usize,
  taps: usize,
  dw: usize,
  kt: i32,
  o8: i32,
  dyStride: i32,
  oh: i32,
  ow: i32,
  rowStep: usize,
  colStep: usize,
): void {
  const outStep = <usize>(o8 * F);
  const dyStep = <usize>(dyStride * F);
  for (let t = 0; t < kt; t += 4) {
    const off0 = <usize>load<i32>(taps + <usize>(t * 4));
    const off1 = <usize>load<i32>(taps + <usize>(t * 4), 4);
    const off2 = <usize>load<i32>(taps + <usize>(t * 4), 8);
    const off3 = <usize>load<i32>(taps + <usize>(t * 4), 12);
    for (let oc = 0; oc < o8; oc += 8) {
      const out = dw + <usize>((t * o8 + oc) * F);
      let a00 = v128.load(out);
      let a01 = v128.load(out, 16);
      let a10 = v128.load(out + outStep);
      let a11 = v128.load(out + outStep, 16);
      let a20 = v128.load(out + 2 * outStep);
      let a21 = v128.load(out + 2 * outStep, 16);
      let a30 = v128.load(out + 3 * outStep);
      let a31 = v128.load(out + 3 * outStep, 16);
      let g = grads + <usize>(oc * F);
      let rowStart = image;
      for (let yy = 0; yy < oh; yy++) {
        let p = rowStart;
        for (let x = 0; x < ow; x++) {
          const d0 = v128.load(g);
          const d1 = v128.load(g, 16);
          const p0 = v128.load32_splat(p + off0);
          const p1 = v128.load32_splat(p + off1);
          const p2 = v128.load32_splat(p + off2);
          const p3 = v128.load32_splat(p + off3);
          a00 = f32x4.add(a00, f32x4.mul(p0, d0));
          a01 = f32x4.add(a01, f32x4.mul(p0, d1));
          a10 = f32x4.add(a10, f32x4.mul(p1, d0));
          a11 = f32x4.add(a11, f32x4.mul(p1, d1));
          a20 = f32x4.add(a20, f32x4.mul(p2, d0));
          a21 = f32x4.add(a21, f32x4.mul(p2, d1));
          a30 = f32x4.add(a30, f32x4.mul(p3, d0));
          a31 = f32x4.add(a31, f32x4.mul(p3, d1));
          p += colStep;
          g += dyStep;
        }
        rowStart += rowStep;
      }
      v128.store(out, a00);
      v128.store(out, a01, 16);
      v128.store(out + outStep, a10);
      v128.store(out + outStep, a11, 16);
      v128.store(out + 2 * outStep, a20);
      v128.store(out + 2 * outStep, a21, 16);
      v128.store(out + 3 * outStep, a30);
      v128.store(out + 3 * outStep, a31, 16);
    }
  }
}

/** One image's share of {@link filterGradient} in tiles of 2 taps × 16 channels. */
function gradTiles2x16(
  image: usize,
  grads: usize,
  taps: usize,
  dw: usize,
  kt: i32,
  o16: i32,
  dyStride: i32,
  oh: i32,
  ow: i32,
  rowStep: usize,
  colStep: usize,
): void {
  const outStep = <usize>(o16 * F);
  const dyStep = <usize>(dyStride * F);
  for (let t = 0; t < kt; t += 2) {
    const off0 = <usize>load<i32>(taps + <usize>(t * 4));
    const off1 = <usize>load<i32>(taps + <usize>(t * 4), 4);
    for (let oc = 0; oc < o16; oc += 16) {
      const out = dw + <usize>((t * o16 + oc) * F);
      let a00 = v128.load(out);
      let a01 = v128.load(out, 16);
      let a02 = v128.load(out, 32);
      let a03 = v128.load(out, 48);
      let a10 = v128.load(out + outStep);
      let a11 = v128.load(out + outStep, 16);
      let a12 = v128.load(out + outStep, 32);
      let a13 = v128.load(out + outStep, 48);
      let g = grads + <usize>(oc * F);
      let rowStart = image;
      for (let yy = 0; yy < oh; yy++) {
        let p = rowStart;
        for (let x = 0; x < ow; x++) {
          const d0 = v128.load(g);
          const d1 = v128.load(g, 16);
          const d2 = v128.load(g, 32);
          const d3 = v128.load(g, 48);
          const p0 = v128.load32_splat(p + off0);
          const p1 = v128.load32_splat(p + off1);
          a00 = f32x4.add(a00, f32x4.mul(p0, d0));
          a01 = f32x4.add(a01, f32x4.mul(p0, d1));
          a02 = f32x4.add(a02, f32x4.mul(p0, d2));
          a03 = f32x4.add(a03, f32x4.mul(p0, d3));
          a10 = f32x4.add(a10, f32x4.mul(p1, d0));
          a11 = f32x4.add(a11, f32x4.mul(p1, d1));
          a12 = f32x4.add(a12, f32x4.mul(p1, d2));
          a13 = f32x4.add(a13, f32x4.mul(p1, d3));
          p += colStep;
          g += dyStep;
        }
        rowStart += rowStep;
      }
      v128.store(out, a00);
      v128.store(out, a01, 16);
      v128.store(out, a02, 32);
      v128.store(out, a03, 48);
      v128.store(out + outStep, a10);
      v128.store(out + outStep, a11, 16);
      v128.store(out + outStep, a12, 32);
      v128.store(out + outStep, a13, 48);
    }
  }
}

/**
 * The input gradient, scattered from each output position: for every position m and filter tap
 * k, dxp[base(m) + taps[k]] += Σ_o dy[m, o] · W[k, o]. The taps are grouped in `segments` runs
 * that are contiguous in `dxp` (a filter row when the dilation across is 1, else one tap's
 * channels): `runs` holds each run's i32 byte offset from base(m), `wt` the filter as
 * [segments, o, len4] (the run's taps for each output channel, `len4` = the run's length rounded
 * up to a multiple of 4, extra entries zero). `dy` is [n·oh·ow, o] (not wide); `dxp` must be zero
 * on entry and have 3 floats of slack at its end (the zero entries of `wt` add 0 past a run).
 */
export function inputGradient(
  dy: usize,
  wt: usize,
  runs: usize,
  dxp: usize,
  n: i32,
  hp: i32,
  wp: i32,
  c: i32,
  oh: i32,
  ow: i32,
  sh: i32,
  sw: i32,
  o: i32,
  segments: i32,
  len4: i32,
): void {
  const segBytes = <usize>(o * len4 * F);
  const oBytes = <usize>(len4 * F);
  let m = 0;
  for (let b = 0; b < n; b++) {
    for (let yy = 0; yy < oh; yy++) {
      for (let x = 0; x < ow; x++, m++) {
        const at = dxp + <usize>(((b * hp + yy * sh) * wp + x * sw) * c * F);
        const grad = dy + <usize>(m * o * F);
        for (let s = 0; s < segments; s++) {
          const dst0 = at + <usize>load<i32>(runs + <usize>(s * 4));
          const ws = wt + <usize>s * segBytes;
          let t = 0;
          for (; t + 16 <= len4; t += 16) {
            let a0 = f32x4.splat(0);
            let a1 = a0;
            let a2 = a0;
            let a3 = a0;
            let wo = ws + <usize>(t * F);
            for (let q = 0; q < o; q++) {
              const p = v128.load32_splat(grad + <usize>(q * F));
              a0 = f32x4.add(a0, f32x4.mul(p, v128.load(wo)));
              a1 = f32x4.add(a1, f32x4.mul(p, v128.load(wo, 16)));
              a2 = f32x4.add(a2, f32x4.mul(p, v128.load(wo, 32)));
              a3 = f32x4.add(a3, f32x4.mul(p, v128.load(wo, 48)));
              wo += oBytes;
            }
            const dst = dst0 + <usize>(t * F);
            v128.store(dst, f32x4.add(v128.load(dst), a0));
            v128.store(dst, f32x4.add(v128.load(dst, 16), a1), 16);
            v128.store(dst, f32x4.add(v128.load(dst, 32), a2), 32);
            v128.store(dst, f32x4.add(v128.load(dst, 48), a3), 48);
          }
          for (; t < len4; t += 4) {
            let a0 = f32x4.splat(0);
            let wo = ws + <usize>(t * F);
            for (let q = 0; q < o; q++) {
              const p = v128.load32_splat(grad + <usize>(q * F));
              a0 = f32x4.add(a0, f32x4.mul(p, v128.load(wo)));
              wo += oBytes;
            }
            const dst = dst0 + <usize>(t * F);
            v128.store(dst, f32x4.add(v128.load(dst), a0));
          }
        }
      }
    }
  }
}
