export { CliError, processIo, type Io } from "./io.js";
export { createProgram, run } from "./program.js";
