/**
 * The bundled sample's file: a training and a validation set of 8-bit images in one gzip-compressed
 * file, built with the page (plugins/trainSample.ts) and fetched from the page's own origin only
 * when the Train panel loads it.
 *
 * Layout before compression: a uint32 (little-endian) byte length n, n bytes of JSON
 * `{ name, classes, shape, train, validation }` (the counts), then the training images, the
 * training labels, the validation images and the validation labels (one byte each).
 *
 * @module
 */
import type { ImageDataset } from "@lrkit/tfjs";

/** Where the page serves the sample, relative to the page. */
export const SAMPLE_PATH = "samples/mnist-sample.bin";

/** The sample: its training and validation sets. */
export interface Sample {
  readonly train: ImageDataset;
  readonly validation: ImageDataset;
}

interface Header {
  name: string;
  classes: string[];
  shape: [number, number, number];
  train: number;
  validation: number;
}

/** The uncompressed bytes of a sample (see the layout above). */
export function encodeSample(sample: Sample): Uint8Array {
  const { train, validation } = sample;
  const header: Header = {
    name: train.name.split("/")[0]!,
    classes: [...train.classes],
    shape: [...train.shape],
    train: train.count,
    validation: validation.count,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const parts = [json, train.images, train.labels, validation.images, validation.labels];
  const out = new Uint8Array(4 + parts.reduce((n, p) => n + p.length, 0));
  new DataView(out.buffer).setUint32(0, json.length, true);
  let at = 4;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The sets of a sample's uncompressed bytes (views of them, no copy).
 *
 * @throws Error when the bytes are not a sample (a bad header, or a length that does not match it).
 */
export function decodeSample(bytes: Uint8Array): Sample {
  const fail = (why: string) => new Error(`the bundled sample ${why}`);
  if (bytes.length < 4) throw fail("is empty");
  const n = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + n))) as Header;
  } catch {
    throw fail("has no readable header");
  }
  const size = header.shape[0] * header.shape[1] * header.shape[2];
  const expected = 4 + n + (header.train + header.validation) * (size + 1);
  if (bytes.length !== expected) throw fail(`has ${bytes.length} bytes where its header says ${expected}`);
  let at = 4 + n;
  const take = (length: number) => bytes.subarray(at, (at += length));
  const set = (part: string, count: number): ImageDataset => ({
    name: `${header.name}/${part}`,
    images: take(count * size),
    labels: take(count),
    count,
    shape: header.shape,
    classes: header.classes,
  });
  const train = set("train", header.train);
  return { train, validation: set("validation", header.validation) };
}
