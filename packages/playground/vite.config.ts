import { defaultClientConditions, defineConfig } from "vite";

// The page bundles lrkit's own TypeScript: the "@lrkit/source" export condition of each workspace
// package points at its src/, so the playground needs no prior `tsc -b` (as vitest.config.ts does).
export default defineConfig({
  base: "./",
  resolve: { conditions: ["@lrkit/source", ...defaultClientConditions] },
  build: { outDir: "dist", target: "es2022", emptyOutDir: true },
  preview: { port: 4173, host: "127.0.0.1" },
  server: { port: 5173, host: "127.0.0.1" },
});
