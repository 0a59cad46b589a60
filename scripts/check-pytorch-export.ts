/**
 * Checks `lrkit export --to pytorch` against real PyTorch: `scripts/check-exports.ts --to pytorch`
 * (which holds the logic, and checks Optax, Keras and Hugging Face exports too), with this
 * script's older arguments.
 *
 * Run from the repository root (not part of the test suite; it needs Python with torch):
 *   npx tsx --conditions=@lrkit/source scripts/check-pytorch-export.ts [/usr/bin/python3] [random specs]
 *
 * @module
 */
const [python = "/usr/bin/python3", random = "0"] = process.argv.slice(2);
process.argv.splice(2, Infinity, "--to", "pytorch", "--python", python, "--random", random);
await import("./check-exports.js");
