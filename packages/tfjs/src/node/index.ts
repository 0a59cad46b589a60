export { gradientWorkers } from "./gradientWorkers.js";
