import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectClose, randomPlain, runKernelOn, useBackend, type Plain } from "../../test/backends.js";
import { maxPoolGradCpuConfig } from "./maxPool.js";
import { isLrkitKernel, registerLrkitKernels } from "./registerKernels.js";

beforeAll(async () => {
  await useBackend("wasm");
  registerLrkitKernels("wasm");
});

type Pad = "same" | "valid" | [[number, number], [number, number], [number, number], [number, number]];
const POOLS: {
  name: string;
  x: number[];
  filterSize: number | [number, number];
  strides: number | [number, number];
  pad: Pad;
}[] = [
  { name: "2x2, stride 2, valid (LeNet)", x: [3, 8, 8, 4], filterSize: 2, strides: 2, pad: "valid" },
  {
    name: "3x3, stride 2, same (overlapping windows)",
    x: [2, 9, 8, 3],
    filterSize: 3,
    strides: 2,
    pad: "same",
  },
  {
    name: "2x3, strides [1, 2], explicit",
    x: [2, 7, 9, 2],
    filterSize: [2, 3],
    strides: [1, 2],
    pad: [
      [0, 0],
      [1, 0],
      [1, 2],
      [0, 0],
    ],
  },
  { name: "odd input, 2x2, stride 2, valid", x: [2, 7, 5, 3], filterSize: 2, strides: 2, pad: "valid" },
  {
    name: "2x2, stride 2, 6 channels (groups of 4 overlap)",
    x: [2, 6, 8, 6],
    filterSize: 2,
    strides: 2,
    pad: "valid",
  },
  { name: "2x2, stride 2, 1 channel", x: [2, 4, 6, 1], filterSize: 2, strides: 2, pad: "valid" },
];

describe("MaxPoolGrad equals the cpu backend's stock kernel, ties included (first maximum wins)", () => {
  for (const c of POOLS) {
    it(c.name, async () => {
      // Values from {0, 1, 2}: most windows hold ties.
      const input = randomPlain(c.x, 11, 3);
      const attrs = { filterSize: c.filterSize, strides: c.strides, pad: c.pad };
      const out = await runKernelOn("cpu", "MaxPool", { x: input }, attrs);
      const dy = randomPlain(out.shape, 12);
      const inputs = { dy, input, output: out };
      const expected = await runKernelOn("cpu", "MaxPoolGrad", inputs, attrs);
      expectClose(await runKernelOn("wasm", "MaxPoolGrad", inputs, attrs), expected, 1e-6);

      await useBackend("cpu");
      const t = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, tf.tensor(v.values, v.shape)]));
      const info = maxPoolGradCpuConfig.kernelFunc({
        inputs: t,
        backend: tf.backend(),
        attrs,
      }) as tf.TensorInfo;
      const cpu = tf.engine().makeTensorFromTensorInfo(info);
      expectClose({ shape: cpu.shape, values: (await cpu.data()) as Float32Array }, expected, 1e-6);
      tf.dispose([cpu, ...Object.values(t)]);
    });
  }
});

describe("BatchMatMul on wasm equals the cpu backend's for every transpose combination", () => {
  const shapes: [number[], number[]][] = [
    [
      [5, 7],
      [7, 3],
    ],
    [
      [1, 5, 7],
      [1, 7, 3],
    ],
    [
      [2, 5, 7],
      [2, 7, 3],
    ],
  ];
  for (const [a, b] of shapes)
    for (const transposeA of [false, true])
      for (const transposeB of [false, true]) {
        it(`${JSON.stringify(a)} x ${JSON.stringify(b)}, transposeA ${transposeA}, transposeB ${transposeB}`, async () => {
          const swap = (s: number[]) => [...s.slice(0, -2), s.at(-1)!, s.at(-2)!];
          const inputs = {
            a: randomPlain(transposeA ? swap(a) : a, 13),
            b: randomPlain(transposeB ? swap(b) : b, 14),
          };
          const attrs = { transposeA, transposeB };
          expectClose(
            await runKernelOn("wasm", "BatchMatMul", inputs, attrs),
            await runKernelOn("cpu", "BatchMatMul", inputs, attrs),
            1e-6,
          );
        });
      }
});

describe("Identity and Cast on wasm", () => {
  it("share the data instead of copying it, and free it with the last reference", async () => {
    await useBackend("wasm");
    const backend = tf.engine().backend;
    const x = tf.tensor([1.5, -2, 3], [3]);
    const dataIds = backend.numDataIds();
    const [copy, same] = [tf.clone(x), tf.cast(x, "float32")];
    expect(backend.numDataIds()).toBe(dataIds);
    x.dispose();
    expect(Array.from(await copy.data())).toEqual([1.5, -2, 3]);
    expect(Array.from(await same.data())).toEqual([1.5, -2, 3]);
    tf.dispose([copy, same]);
    expect(backend.numDataIds()).toBe(dataIds - 1);
  });

  it("still convert when the type changes", async () => {
    await useBackend("wasm");
    const x = tf.tensor([1.7, -2.2, 0], [3]);
    const int = tf.cast(x, "int32");
    expect(int.dtype).toBe("int32");
    expect(Array.from(await int.data())).toEqual([1, -2, 0]);
    tf.dispose([x, int]);
  });
});

describe("Add of a bias along the last axis equals the cpu backend's", () => {
  const shapes: [number[], number[]][] = [
    [[4, 5, 5, 6], [6]], // LeNet's first convolution: 6 columns, blocks of two rows
    [[3, 4, 16], [16]], // whole vectors per row
    [[7, 5], [5]], // odd columns: blocks of four rows, then a tail
    [[9, 3], [3]],
    [
      [2, 3],
      [2, 3],
    ], // not a bias: the stock kernel
    [[5], [5]],
  ];
  for (const [a, b] of shapes) {
    it(`[${a}] + [${b}]`, async () => {
      const inputs = { a: randomPlain(a, 21), b: randomPlain(b, 22) };
      const expected = await runKernelOn("cpu", "Add", inputs, {});
      expectClose(await runKernelOn("wasm", "Add", inputs, {}), expected, 1e-7);
    });
  }
});

describe("Sum over leading axes equals the cpu backend's", () => {
  const cases: { x: number[]; axis: number | number[]; keepDims?: boolean }[] = [
    { x: [64, 7, 7, 6], axis: [0, 1, 2] }, // LeNet's first bias gradient
    { x: [32, 5, 5, 16], axis: [2, 0, 1], keepDims: true },
    { x: [33, 5], axis: 0 },
    { x: [10, 3, 7], axis: [0] },
    { x: [6, 4], axis: [1] }, // an inner axis: the stock kernel
    { x: [6, 4], axis: [0, 1] }, // every axis: the stock kernel
  ];
  for (const c of cases) {
    it(`[${c.x}] over ${JSON.stringify(c.axis)}${c.keepDims ? ", keepDims" : ""}`, async () => {
      const inputs = { x: randomPlain(c.x, 23) };
      const attrs = { axis: c.axis, keepDims: c.keepDims ?? false };
      const expected = await runKernelOn("cpu", "Sum", inputs, attrs);
      expectClose(await runKernelOn("wasm", "Sum", inputs, attrs), expected, 1e-6);
    });
  }
});

/** `p` with NaN, ±Infinity, -0 and 0 written over its first values. */
function withSpecials(p: Plain): Plain {
  const values = p.values.slice();
  values.set([NaN, Infinity, -Infinity, -0, 0, NaN].slice(0, values.length));
  return { shape: p.shape, values };
}

describe("MaxPool over 2x2 windows at stride 2 equals the cpu backend's, NaN ignored", () => {
  const cases: { x: number[]; pad?: "valid" | "same" }[] = [
    { x: [2, 6, 8, 6] }, // groups of 4 channels that overlap
    { x: [2, 7, 5, 3] }, // one channel at a time; an odd row and column left out
    { x: [1, 4, 4, 16] },
    { x: [1, 5, 5, 4], pad: "same" }, // windows past the edge: the stock kernel (no NaN: its own rules)
  ];
  for (const c of cases) {
    it(`[${c.x}]${c.pad === "same" ? ", same" : ""}`, async () => {
      const x = randomPlain(c.x, 31, 3);
      if (c.pad !== "same") {
        x.values.set(withSpecials(x).values);
        // The first window of channel 0 holds NaN only.
        const [, , w, ch] = c.x as [number, number, number, number];
        for (const at of [0, ch, w * ch, (w + 1) * ch]) x.values[at] = NaN;
      }
      const attrs = { filterSize: 2, strides: 2, pad: c.pad ?? "valid" };
      const expected = await runKernelOn("cpu", "MaxPool", { x }, attrs);
      expect(await runKernelOn("wasm", "MaxPool", { x }, attrs)).toEqual(expected);
    });
  }
});

describe("Relu, Step and Multiply equal the cpu backend's, NaN and infinities included", () => {
  for (const shape of [[3, 5, 7], [2, 2], [1]]) {
    it(`Relu [${shape}]`, async () => {
      const inputs = { x: withSpecials(randomPlain(shape, 32)) };
      const expected = await runKernelOn("cpu", "Relu", inputs, {});
      expectSameValues(await runKernelOn("wasm", "Relu", inputs, {}), expected);
    });
    it(`Step [${shape}], alpha 0 and 0.25`, async () => {
      const inputs = { x: withSpecials(randomPlain(shape, 33)) };
      for (const alpha of [0, 0.25]) {
        const expected = await runKernelOn("cpu", "Step", inputs, { alpha });
        expectSameValues(await runKernelOn("wasm", "Step", inputs, { alpha }), expected);
      }
    });
    it(`Multiply [${shape}] · [${shape}]`, async () => {
      const inputs = { a: withSpecials(randomPlain(shape, 34)), b: randomPlain(shape, 35) };
      const expected = await runKernelOn("cpu", "Multiply", inputs, {});
      expectSameValues(await runKernelOn("wasm", "Multiply", inputs, {}), expected);
    });
  }
  it("Multiply with broadcasting goes to the stock kernel", async () => {
    const inputs = { a: randomPlain([3, 4], 36), b: randomPlain([4], 37) };
    const expected = await runKernelOn("cpu", "Multiply", inputs, {});
    expectSameValues(await runKernelOn("wasm", "Multiply", inputs, {}), expected);
  });
});

/** Equal shapes and the same values, NaN included; zeros of either sign are equal. */
function expectSameValues(actual: Plain, expected: Plain): void {
  expect(actual.shape).toEqual(expected.shape);
  expect(Array.from(actual.values, (v) => v + 0)).toEqual(Array.from(expected.values, (v) => v + 0));
}

describe("registerLrkitKernels", () => {
  it("lists the kernels, marks them as lrkit's, and registering twice changes nothing", () => {
    expect(registerLrkitKernels("wasm")).toEqual([
      "Conv2D",
      "FusedConv2D",
      "Conv2DBackpropFilter",
      "Conv2DBackpropInput",
      "MaxPoolGrad",
      "BatchMatMul",
      "Add",
      "Sum",
      "MaxPool",
      "Relu",
      "Step",
      "Multiply",
      "Identity",
      "Cast",
    ]);
    const config = tf.getKernel("BatchMatMul", "wasm");
    registerLrkitKernels("wasm");
    expect(tf.getKernel("BatchMatMul", "wasm")).toBe(config);
    expect(isLrkitKernel("Conv2DBackpropFilter", "wasm")).toBe(true);
    expect(isLrkitKernel("Sigmoid", "wasm")).toBe(false);
  });

  it("rejects an unknown backend, naming the function and the value", () => {
    expect(() => registerLrkitKernels("webgl" as "wasm")).toThrow(
      new TypeError('registerLrkitKernels: backend must be "wasm" or "cpu", got "webgl"'),
    );
  });
});

describe("a convolutional network's gradients", () => {
  it("are the same on wasm (lrkit's kernels) as on cpu (stock kernels)", async () => {
    const x = randomPlain([4, 12, 12, 1], 21);
    const w1 = randomPlain([5, 5, 1, 6], 22);
    const w2 = randomPlain([3, 3, 6, 4], 23);
    const w3 = randomPlain([4 * 2 * 2, 10], 24);
    const grads = async (backend: "cpu" | "wasm") => {
      await useBackend(backend);
      const [tx, t1, t2, t3] = [x, w1, w2, w3].map((p) => tf.tensor(p.values, p.shape));
      const f = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
        tf.tidy(() => {
          let h: tf.Tensor4D = tf.relu(tf.conv2d(tx as tf.Tensor4D, a as tf.Tensor4D, 1, "same"));
          h = tf.maxPool(h, 2, 2, "valid");
          h = tf.relu(tf.conv2d(h, b as tf.Tensor4D, 1, "valid"));
          h = tf.maxPool(h, 2, 2, "valid");
          return tf.sum(tf.square(tf.matMul(tf.reshape(h, [4, 16]), c as tf.Tensor2D)));
        });
      const gs = tf.grads(f)([t1!, t2!, t3!]);
      const out = await Promise.all(
        gs.map(async (g) => ({ shape: g.shape, values: (await g.data()) as Float32Array })),
      );
      tf.dispose([...gs, tx!, t1!, t2!, t3!]);
      return out;
    };
    const cpu = await grads("cpu");
    const wasm = await grads("wasm");
    cpu.forEach((g, i) => expectClose(wasm[i]!, g, 1e-4));
  });
});
