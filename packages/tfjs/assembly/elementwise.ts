/**
 * Elementwise kernels over `count` float32 values, four at a time, on the wasm backend's heap
 * (pointers are byte offsets; see `convolution.ts`). `out` may be an input.
 */

/** Bytes in an f32. */
const F: i32 = 4;

/** out[i] = max(x[i], 0); NaN stays NaN. */
export function relu(x: usize, out: usize, count: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const at = <usize>(i * F);
    v128.store(out + at, f32x4.max(v128.load(x + at), zero));
  }
  for (; i < count; i++) {
    const at = <usize>(i * F);
    const v = load<f32>(x + at);
    store<f32>(out + at, v < 0 ? 0 : v);
  }
}

/** out[i] = 1 where x[i] > 0, NaN where x[i] is NaN, else `alpha`. */
export function step(x: usize, out: usize, count: i32, alpha: f32): void {
  const zero = f32x4.splat(0);
  const one = f32x4.splat(1);
  const other = f32x4.splat(alpha);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const at = <usize>(i * F);
    const v = v128.load(x + at);
    const stepped = v128.bitselect(one, other, f32x4.gt(v, zero));
    // NaN ≠ NaN: keep x itself there.
    v128.store(out + at, v128.bitselect(stepped, v, f32x4.eq(v, v)));
  }
  for (; i < count; i++) {
    const at = <usize>(i * F);
    const v = load<f32>(x + at);
    store<f32>(out + at, v != v ? v : v > 0 ? 1 : alpha);
  }
}

/** out[i] = a[i] · b[i]. */
export function multiply(a: usize, b: usize, out: usize, count: i32): void {
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const at = <usize>(i * F);
    v128.store(out + at, f32x4.mul(v128.load(a + at), v128.load(b + at)));
  }
  for (; i < count; i++) {
    const at = <usize>(i * F);
    store<f32>(out + at, load<f32>(a + at) * load<f32>(b + at));
  }
}
