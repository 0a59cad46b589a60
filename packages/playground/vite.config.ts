import { defaultClientConditions, defineConfig } from "vite";
import { trainSample } from "./plugins/trainSample.js";

// The page bundles lrkit's own TypeScript: the "@lrkit/source" export condition of each workspace
// package points at its src/, so the playground needs no prior `tsc -b` (as vitest.config.ts does).
export default defineConfig({
  base: "./",
  resolve: {
    conditions: ["@lrkit/source", ...defaultClientConditions],
  },
  plugins: [trainSample()],
  // The Train panel's worker loads backends on demand (dynamic imports): an ES module worker.
  worker: { format: "es" },
  build: { outDir: "dist", target: "es2022", emptyOutDir: true },
  preview: { port: 4173, host: "127.0.0.1" },
  server: { port: 5173, host: "127.0.0.1" },
});
