// The entry of a worker thread started from TypeScript sources under the test runner (which
// loads them through Vite, a transform a worker thread does not inherit): registers tsx, a
// development dependency, then loads the TypeScript module named by the first argument.
import { register } from "tsx/esm/api";
import { argv } from "node:process";

register();
await import(argv[2]);
