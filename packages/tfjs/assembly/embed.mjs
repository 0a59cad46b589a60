// Embeds the compiled kernel module (wasm/kernels.wasm, about 8 KB) in the sources as base64, so that
// @lrkit/tfjs loads it the same way in Node and in a browser bundle, with no file to read or serve.
// Run by `npm run build:wasm` after the AssemblyScript compiler; its output is not committed.
import { readFileSync, writeFileSync } from "node:fs";
import { stdout } from "node:process";
import { URL } from "node:url";

const bytes = readFileSync(new URL("../wasm/kernels.wasm", import.meta.url));
const out = new URL("../src/backend/kernels/kernelsWasm.generated.ts", import.meta.url);
writeFileSync(
  out,
  `/** lrkit's kernel module (assembly/, ${bytes.length} bytes), base64: written by \`npm run build:wasm\`. */\n` +
    `export const KERNELS_WASM: string = "${bytes.toString("base64")}";\n`,
);
stdout.write(`embedded ${bytes.length} bytes of wasm/kernels.wasm in ${out.pathname}\n`);
