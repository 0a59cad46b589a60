import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectClose, randomPlain, runKernelOn, useBackend, type Plain } from "../../test/backends.js";
import { conv2dBackpropFilterCpuConfig } from "./conv2dBackpropFilterCpu.js";
import { registerLrkitKernels } from "./registerKernels.js";

type Pad = "same" | "valid" | [[number, number], [number, number], [number, number], [number, number]];

interface Case {
  name: string;
  x: number[];
  filter: number[];
  strides: number | [number, number];
  pad: Pad;
  dilations?: number | [number, number];
  dataFormat?: "NHWC" | "NCHW";
  tolerance?: number;
}

const explicit = (t: number, b: number, l: number, r: number): Pad => [
  [0, 0],
  [t, b],
  [l, r],
  [0, 0],
];

const CASES: Case[] = [
  { name: "3x3, stride 1, same", x: [2, 7, 7, 3], filter: [3, 3, 3, 4], strides: 1, pad: "same" },
  { name: "3x3, stride 2, same, even input", x: [2, 8, 7, 3], filter: [3, 3, 3, 4], strides: 2, pad: "same" },
  { name: "4x3, stride 2, same", x: [2, 10, 9, 3], filter: [4, 3, 3, 2], strides: 2, pad: "same" },
  {
    name: "3x2, strides [2, 3], valid",
    x: [2, 9, 10, 3],
    filter: [3, 2, 3, 2],
    strides: [2, 3],
    pad: "valid",
  },
  {
    name: "3x2, strides [1, 2], explicit",
    x: [2, 9, 10, 3],
    filter: [3, 2, 3, 2],
    strides: [1, 2],
    pad: explicit(1, 2, 0, 1),
  },
  {
    name: "2x2, explicit padding wider than the filter",
    x: [1, 6, 6, 2],
    filter: [2, 2, 2, 2],
    strides: 1,
    pad: explicit(3, 1, 2, 2),
  },
  {
    name: "3x3, dilation 2, same",
    x: [2, 9, 9, 2],
    filter: [3, 3, 2, 3],
    strides: 1,
    pad: "same",
    dilations: 2,
  },
  {
    name: "2x3, dilations [2, 3], valid",
    x: [2, 11, 10, 2],
    filter: [2, 3, 2, 3],
    strides: 1,
    pad: "valid",
    dilations: [2, 3],
  },
  {
    name: "3x3, stride 2 and dilation 2, explicit",
    x: [2, 11, 11, 2],
    filter: [3, 3, 2, 3],
    strides: 2,
    pad: explicit(2, 1, 1, 2),
    dilations: 2,
  },
  {
    name: "NCHW, 3x3, stride 2, same",
    x: [2, 3, 7, 8],
    filter: [3, 3, 3, 4],
    strides: 2,
    pad: "same",
    dataFormat: "NCHW",
  },
  {
    name: "3x3, stride 1, same, 12 filters (tiles of 16 channels), odd width",
    x: [2, 5, 7, 3],
    filter: [3, 3, 3, 12],
    strides: 1,
    pad: "same",
  },
  { name: "1x1, 32 filters, odd width", x: [2, 3, 5, 4], filter: [1, 1, 4, 32], strides: 1, pad: "valid" },
  {
    name: "2x2, 20 filters (tiles of 8 channels)",
    x: [1, 4, 5, 2],
    filter: [2, 2, 2, 20],
    strides: 1,
    pad: "valid",
  },
  {
    name: "LeNet conv1 (5x5, same)",
    x: [3, 28, 28, 1],
    filter: [5, 5, 1, 6],
    strides: 1,
    pad: "same",
    tolerance: 3e-5,
  },
  {
    name: "LeNet conv2 (5x5, valid)",
    x: [3, 14, 14, 6],
    filter: [5, 5, 6, 16],
    strides: 1,
    pad: "valid",
    tolerance: 3e-5,
  },
];

const pair = (v: number | [number, number] | undefined): [number, number] =>
  v === undefined ? [1, 1] : typeof v === "number" ? [v, v] : v;

/** The forward output shape. */
function outShape(c: Case): number[] {
  const nhwc = c.dataFormat === "NCHW";
  return tf.backend_util.computeConv2DInfo(
    c.x as [number, number, number, number],
    c.filter as [number, number, number, number],
    c.strides,
    c.dilations ?? 1,
    c.pad,
    undefined,
    false,
    nhwc ? "channelsFirst" : "channelsLast",
  ).outShape;
}

/** The filter with `d - 1` zeros between taps: a dilated convolution as an undilated one. */
function dilateFilter(f: Plain, [dh, dw]: [number, number]): Plain {
  const [fh, fw, c, o] = f.shape as [number, number, number, number];
  const [eh, ew] = [(fh - 1) * dh + 1, (fw - 1) * dw + 1];
  const values = new Float32Array(eh * ew * c * o);
  for (let i = 0; i < fh; i++)
    for (let j = 0; j < fw; j++)
      values.set(
        f.values.subarray((i * fw + j) * c * o, (i * fw + j + 1) * c * o),
        (i * dh * ew + j * dw) * c * o,
      );
  return { shape: [eh, ew, c, o], values };
}

/** The taps of a gradient taken with respect to a dilated filter. */
function undilate(g: Plain, [dh, dw]: [number, number], [fh, fw]: number[]): Plain {
  const [, ew, c, o] = g.shape as [number, number, number, number];
  const values = new Float32Array(fh! * fw! * c * o);
  for (let i = 0; i < fh!; i++)
    for (let j = 0; j < fw!; j++)
      values.set(
        g.values.subarray((i * dh * ew + j * dw) * c * o, (i * dh * ew + j * dw + 1) * c * o),
        (i * fw! + j) * c * o,
      );
  return { shape: [fh!, fw!, c, o], values };
}

const attrsOf = (c: Case) => ({
  strides: c.strides,
  pad: c.pad,
  dataFormat: c.dataFormat ?? "NHWC",
  ...(c.dilations === undefined ? {} : { dilations: c.dilations }),
});

/** The cpu backend's stock kernels; dilations through an explicitly dilated filter. */
async function referenceFilterGrad(c: Case, x: Plain, dy: Plain): Promise<Plain> {
  const d = pair(c.dilations);
  if (d[0] === 1 && d[1] === 1)
    return runKernelOn("cpu", "Conv2DBackpropFilter", { x, dy }, { ...attrsOf(c), filterShape: c.filter });
  const dilatedShape = dilateFilter(randomPlain(c.filter, 0), d).shape;
  const attrs = { strides: c.strides, pad: c.pad, dataFormat: "NHWC", filterShape: dilatedShape };
  return undilate(await runKernelOn("cpu", "Conv2DBackpropFilter", { x, dy }, attrs), d, c.filter);
}

async function referenceInputGrad(c: Case, dy: Plain, filter: Plain): Promise<Plain> {
  const d = pair(c.dilations);
  const attrs = { strides: c.strides, pad: c.pad, dataFormat: c.dataFormat ?? "NHWC", inputShape: c.x };
  return runKernelOn("cpu", "Conv2DBackpropInput", { dy, filter: dilateFilter(filter, d) }, attrs);
}

beforeAll(async () => {
  await useBackend("wasm");
  registerLrkitKernels("wasm");
});

describe("Conv2D on wasm equals the cpu backend's", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const inputs = { x: randomPlain(c.x, 9), filter: randomPlain(c.filter, 10) };
      const attrs = { ...attrsOf(c), dilations: c.dilations ?? 1 };
      const expected = await runKernelOn("cpu", "Conv2D", inputs, attrs);
      expectClose(await runKernelOn("wasm", "Conv2D", inputs, attrs), expected, c.tolerance);
    });
  }
});

describe("FusedConv2D (bias and ReLU, or bias alone) on wasm equals the cpu backend's", () => {
  for (const c of CASES) {
    for (const activation of ["relu", "linear"]) {
      it(`${c.name}, ${activation}`, async () => {
        const inputs = {
          x: randomPlain(c.x, 11),
          filter: randomPlain(c.filter, 12),
          bias: randomPlain([c.filter[3]!], 13),
        };
        const attrs = { ...attrsOf(c), dilations: c.dilations ?? 1, activation };
        const expected = await runKernelOn("cpu", "FusedConv2D", inputs, attrs);
        expectClose(await runKernelOn("wasm", "FusedConv2D", inputs, attrs), expected, c.tolerance);
      });
    }
  }
});

describe("Conv2DBackpropFilter on wasm equals the cpu backend's", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const x = randomPlain(c.x, 1);
      const dy = randomPlain(outShape(c), 2);
      const expected = await referenceFilterGrad(c, x, dy);
      const actual = await runKernelOn(
        "wasm",
        "Conv2DBackpropFilter",
        { x, dy },
        { ...attrsOf(c), filterShape: c.filter },
      );
      expectClose(actual, expected, c.tolerance);
    });
  }
});

describe("Conv2DBackpropInput on wasm equals the cpu backend's", () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const filter = randomPlain(c.filter, 3);
      const dy = randomPlain(outShape(c), 4);
      const expected = await referenceInputGrad(c, dy, filter);
      const actual = await runKernelOn(
        "wasm",
        "Conv2DBackpropInput",
        { dy, filter },
        { ...attrsOf(c), inputShape: c.x },
      );
      expectClose(actual, expected, c.tolerance);
    });
  }
});

describe("lrkit's cpu Conv2DBackpropFilter equals the stock one", () => {
  for (const c of CASES.filter((k) => !k.name.startsWith("LeNet conv1"))) {
    it(c.name, async () => {
      const x = randomPlain(c.x, 5);
      const dy = randomPlain(outShape(c), 6);
      const expected = await referenceFilterGrad(c, x, dy);
      await useBackend("cpu");
      const tx = tf.tensor(x.values, x.shape);
      const tdy = tf.tensor(dy.values, dy.shape);
      const info = conv2dBackpropFilterCpuConfig.kernelFunc({
        inputs: { x: tx, dy: tdy },
        backend: tf.backend(),
        attrs: { ...attrsOf(c), filterShape: c.filter } as tf.NamedAttrMap,
      }) as tf.TensorInfo;
      const out = tf.engine().makeTensorFromTensorInfo(info);
      expectClose(
        { shape: out.shape, values: (await out.data()) as Float32Array },
        expected,
        c.tolerance ?? 1e-6,
      );
      tf.dispose([tx, tdy, out]);
    });
  }
});

describe("the kernels", () => {
  // Padded and wide copies (4x3, same, 2 filters), and none (valid, 16 filters: the input and dY as they are).
  for (const c of [CASES[2]!, CASES.find((k) => k.name.startsWith("LeNet conv2"))!]) {
    it(`free every intermediate: the wasm backend holds no more data after a gradient than before (${c.name})`, async () => {
      await useBackend("wasm");
      const x = tf.tensor(randomPlain(c.x, 7).values, c.x);
      const f = tf.tensor4d(randomPlain(c.filter, 8).values, c.filter as [number, number, number, number]);
      const before = tf.memory().numTensors;
      const dataIds = tf.engine().backend.numDataIds();
      const [gx, gf] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.strides, c.pad as "same"))),
      )([x, f]);
      tf.dispose([gx!, gf!]);
      expect(tf.memory().numTensors).toBe(before);
      expect(tf.engine().backend.numDataIds()).toBe(dataIds);
      tf.dispose([x, f]);
    });
  }
});
