/**
 * A model's weights (float32 arrays, in order) as one buffer, to keep in Redis once per comparison
 * rather than in every job: a uint32 count, the count of each array, then their bytes.
 *
 * @module
 */

/** Encodes `weights` into one buffer. */
export function encodeWeights(weights: readonly Float32Array[]): Buffer {
  const header = 4 * (1 + weights.length);
  const total = weights.reduce((n, w) => n + w.byteLength, header);
  const out = Buffer.alloc(total);
  out.writeUInt32LE(weights.length, 0);
  let at = header;
  weights.forEach((w, i) => {
    out.writeUInt32LE(w.length, 4 * (1 + i));
    out.set(new Uint8Array(w.buffer, w.byteOffset, w.byteLength), at);
    at += w.byteLength;
  });
  return out;
}

/**
 * Decodes what {@link encodeWeights} made.
 *
 * @throws Error when the buffer's size does not match its header.
 */
export function decodeWeights(bytes: Buffer): Float32Array[] {
  const count = bytes.byteLength >= 4 ? bytes.readUInt32LE(0) : -1;
  const header = 4 * (1 + count);
  if (count < 0 || bytes.byteLength < header)
    throw new Error("compare queue: the stored weights are truncated");
  const lengths = Array.from({ length: count }, (_, i) => bytes.readUInt32LE(4 * (1 + i)));
  if (lengths.reduce((n, l) => n + 4 * l, header) !== bytes.byteLength)
    throw new Error("compare queue: the stored weights' size does not match their header");
  let at = header;
  return lengths.map((length) => {
    const w = new Float32Array(length);
    new Uint8Array(w.buffer).set(bytes.subarray(at, at + 4 * length));
    at += 4 * length;
    return w;
  });
}
