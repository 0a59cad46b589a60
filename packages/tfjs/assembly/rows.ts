/**
 * Row-wise kernels over a matrix [rows, cols] (a tensor seen as rows of its last axis), on the
 * wasm backend's heap (pointers are byte offsets; see `convolution.ts`): the bias add of every
 * layer's forward pass and the bias gradient of its backward pass.
 *
 * Both walk the matrix as one flat array in blocks of `period` values: `cols` rounded up to a
 * whole number of 4-lane vectors and rows (`period(cols)`), so that every block sees the columns
 * in the same order. `scratch` holds 4·cols floats (a block at most).
 */

/** Bytes in an f32. */
const F: i32 = 4;

/** The block length: the fewest whole rows that fill whole 4-lane vectors. */
function period(cols: i32): i32 {
  return cols % 4 == 0 ? cols : cols % 2 == 0 ? 2 * cols : 4 * cols;
}

/** out[r, c] = a[r, c] + bias[c]. `out` may be `a`. */
export function addToRows(a: usize, bias: usize, out: usize, rows: i32, cols: i32, scratch: usize): void {
  const block = period(cols);
  for (let i = 0; i < block; i++)
    store<f32>(scratch + <usize>(i * F), load<f32>(bias + <usize>((i % cols) * F)));
  const total = rows * cols;
  let i = 0;
  for (; i + block <= total; i += block) {
    const at = <usize>(i * F);
    for (let v = 0; v < block; v += 4) {
      const off = <usize>(v * F);
      v128.store(out + at + off, f32x4.add(v128.load(a + at + off), v128.load(scratch + off)));
    }
  }
  for (; i < total; i++) {
    const at = <usize>(i * F);
    store<f32>(out + at, load<f32>(a + at) + load<f32>(bias + <usize>((i % cols) * F)));
  }
}

/** out[c] = Σ_r a[r, c]. */
export function sumRows(a: usize, out: usize, rows: i32, cols: i32, scratch: usize): void {
  const block = period(cols);
  memory.fill(scratch, 0, <usize>(block * F));
  const total = rows * cols;
  let i = 0;
  for (; i + block <= total; i += block) {
    const at = <usize>(i * F);
    for (let v = 0; v < block; v += 4) {
      const off = <usize>(v * F);
      v128.store(scratch + off, f32x4.add(v128.load(scratch + off), v128.load(a + at + off)));
    }
  }
  memory.fill(out, 0, <usize>(cols * F));
  for (let j = 0; j < block; j++) {
    const to = out + <usize>((j % cols) * F);
    store<f32>(to, load<f32>(to) + load<f32>(scratch + <usize>(j * F)));
  }
  for (; i < total; i++) {
    const to = out + <usize>((i % cols) * F);
    store<f32>(to, load<f32>(to) + load<f32>(a + <usize>(i * F)));
  }
}
