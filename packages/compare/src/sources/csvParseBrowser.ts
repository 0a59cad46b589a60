/**
 * csv-parse's sync API for a page: its browser build, handed the bytes as the Buffer it accepts.
 * That build bundles the `buffer` polyfill and takes only that polyfill's Buffers (it checks
 * `_isBuffer`), so a plain `Uint8Array` is wrapped in one (no copy) here, once for every caller.
 * `package.json`'s "imports" maps `#csv-parse/sync` here under the "browser" condition.
 *
 * @module
 */
import { Buffer } from "buffer";
import { parse as parseBuffer, type Options } from "csv-parse/browser/esm/sync";

/** csv-parse's `parse` (sync, records as arrays of cells), taking any `Uint8Array`. */
export function parse(input: Uint8Array | string, options: Options): string[][] {
  const bytes =
    input instanceof Uint8Array ? Buffer.from(input.buffer, input.byteOffset, input.byteLength) : input;
  return parseBuffer(bytes, options);
}
