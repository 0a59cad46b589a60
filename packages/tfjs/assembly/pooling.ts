/**
 * 2-D max pooling and its gradient, NHWC, on the wasm backend's heap (pointers are byte offsets;
 * see `convolution.ts`).
 */

/** Bytes in an f32. */
const F: i32 = 4;

/**
 * Routes each output gradient dy[b, y, x, ch] to the position of its window's maximum in x (the
 * first maximum in row-major window order; NaN never wins, and a window of NaN or -Infinity only
 * passes nothing): dx[p] = Σ over the windows whose maximum is at p. Windows start at
 * (y·sh − top, x·sw − left) and take every dh-th row and dw-th column of their fh × fw extent
 * (`fh`, `fw` are the effective sizes, dilation included).
 */
export function maxPoolGradient(
  x: usize,
  dy: usize,
  dx: usize,
  n: i32,
  h: i32,
  w: i32,
  c: i32,
  oh: i32,
  ow: i32,
  fh: i32,
  fw: i32,
  sh: i32,
  sw: i32,
  dh: i32,
  dw: i32,
  top: i32,
  left: i32,
): void {
  if (fh == 2 && fw == 2 && sh == 2 && sw == 2 && top == 0 && left == 0) {
    halves(x, dy, dx, n, h, w, c, oh, ow);
    return;
  }
  memory.fill(dx, 0, <usize>(n * h * w * c * F));
  let g = dy;
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      const y0 = y * sh - top;
      for (let z = 0; z < ow; z++) {
        const z0 = z * sw - left;
        for (let k = 0; k < c; k++, g += F) {
          let best = -Infinity;
          let at: isize = -1;
          for (let i = 0; i < fh; i += dh) {
            const row = y0 + i;
            if (row < 0 || row >= h) continue;
            for (let j = 0; j < fw; j += dw) {
              const col = z0 + j;
              if (col < 0 || col >= w) continue;
              const p = <isize>((((b * h + row) * w + col) * c + k) * F);
              const v = load<f32>(x + p);
              if (v > best) {
                best = v;
                at = p;
              }
            }
          }
          if (at >= 0) store<f32>(dx + at, load<f32>(dx + at) + load<f32>(g));
        }
      }
    }
  }
}

/**
 * The same for 2×2 windows at stride 2 without padding, without branches. The windows do not
 * overlap, so each position of dx is written once (its window's gradient or 0); positions outside
 * every window (an odd last row or column) are cleared first. Four channels at a time (the last
 * group overlapping the one before when the channels are not a multiple of 4: its values are
 * written twice, the same both times); one at a time for fewer than 4 channels.
 */
function halves(x: usize, dy: usize, dx: usize, n: i32, h: i32, w: i32, c: i32, oh: i32, ow: i32): void {
  if (h != 2 * oh || w != 2 * ow) memory.fill(dx, 0, <usize>(n * h * w * c * F));
  const right = <usize>(c * F);
  const down = <usize>(w * c * F);
  const lanes = c < 4 ? 1 : 4;
  for (let b = 0; b < n; b++) {
    for (let y = 0; y < oh; y++) {
      for (let z = 0; z < ow; z++) {
        const window = <usize>(((b * h + 2 * y) * w + 2 * z) * c * F);
        const grads = dy + <usize>(((b * oh + y) * ow + z) * c * F);
        for (let k = 0; k < c; k += lanes) {
          const at = <usize>(min(k, c - lanes) * F);
          if (lanes == 4) route4(x, dx, window + at, right, down, grads + at);
          else route1(x, dx, window + at, right, down, grads + at);
        }
      }
    }
  }
}

/**
 * One window for four channels: the masks of the first maximum (strictly greater, from
 * -Infinity: NaN never wins) select the gradient or +0 for each position. `+ 0` as in `0 + dy`: a
 * gradient of -0 lands as 0, as the accumulating loop gives.
 */
function route4(x: usize, dx: usize, p0: usize, right: usize, down: usize, g: usize): void {
  const p1 = p0 + right;
  const p2 = p0 + down;
  const p3 = p2 + right;
  const v0 = v128.load(x + p0);
  const v1 = v128.load(x + p1);
  const v2 = v128.load(x + p2);
  const v3 = v128.load(x + p3);
  let best = f32x4.splat(-Infinity);
  const c0 = f32x4.gt(v0, best);
  best = v128.bitselect(v0, best, c0);
  const c1 = f32x4.gt(v1, best);
  best = v128.bitselect(v1, best, c1);
  const c2 = f32x4.gt(v2, best);
  best = v128.bitselect(v2, best, c2);
  const c3 = f32x4.gt(v3, best);
  const d = f32x4.add(v128.load(g), f32x4.splat(0));
  const later2 = c3;
  const later1 = v128.or(c2, later2);
  const later0 = v128.or(c1, later1);
  v128.store(dx + p0, v128.and(d, v128.andnot(c0, later0)));
  v128.store(dx + p1, v128.and(d, v128.andnot(c1, later1)));
  v128.store(dx + p2, v128.and(d, v128.andnot(c2, later2)));
  v128.store(dx + p3, v128.and(d, c3));
}

/** One window for one channel, as {@link route4}. */
function route1(x: usize, dx: usize, p0: usize, right: usize, down: usize, g: usize): void {
  const p1 = p0 + right;
  const p2 = p0 + down;
  const p3 = p2 + right;
  const v0 = load<f32>(x + p0);
  const v1 = load<f32>(x + p1);
  const v2 = load<f32>(x + p2);
  const v3 = load<f32>(x + p3);
  let best: f32 = -Infinity;
  let at = -1;
  if (v0 > best) {
    best = v0;
    at = 0;
  }
  if (v1 > best) {
    best = v1;
    at = 1;
  }
  if (v2 > best) {
    best = v2;
    at = 2;
  }
  if (v3 > best) at = 3;
  const d = load<f32>(g) + 0;
  store<f32>(dx + p0, at == 0 ? d : 0);
  store<f32>(dx + p1, at == 1 ? d : 0);
  store<f32>(dx + p2, at == 2 ? d : 0);
  store<f32>(dx + p3, at == 3 ? d : 0);
}

/**
 * Max pooling over 2×2 windows at stride 2 without padding: y[b, i, j, ch] = the largest of
 * x[b, 2i..2i+1, 2j..2j+1, ch], NaN ignored (-Infinity for a window of NaN only), as TensorFlow.js's
 * cpu kernel gives. Four channels at a time, as {@link halves}.
 */
export function maxPoolHalves(x: usize, y: usize, n: i32, h: i32, w: i32, c: i32, oh: i32, ow: i32): void {
  const right = <usize>(c * F);
  const down = <usize>(w * c * F);
  const lanes = c < 4 ? 1 : 4;
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const window = x + <usize>(((b * h + 2 * i) * w + 2 * j) * c * F);
        const out = y + <usize>(((b * oh + i) * ow + j) * c * F);
        for (let k = 0; k < c; k += lanes) {
          const at = <usize>(min(k, c - lanes) * F);
          const p0 = window + at;
          const p2 = p0 + down;
          if (lanes == 4) {
            let best = f32x4.splat(-Infinity);
            best = larger(best, v128.load(p0));
            best = larger(best, v128.load(p0 + right));
            best = larger(best, v128.load(p2));
            best = larger(best, v128.load(p2 + right));
            v128.store(out + at, best);
          } else {
            let best: f32 = -Infinity;
            const v0 = load<f32>(p0);
            const v1 = load<f32>(p0 + right);
            const v2 = load<f32>(p2);
            const v3 = load<f32>(p2 + right);
            if (v0 > best) best = v0;
            if (v1 > best) best = v1;
            if (v2 > best) best = v2;
            if (v3 > best) best = v3;
            store<f32>(out + at, best);
          }
        }
      }
    }
  }
}

/** `v` where it is greater than `best`, else `best` (NaN never wins). */
function larger(best: v128, v: v128): v128 {
  return v128.bitselect(v, best, f32x4.gt(v, best));
}
