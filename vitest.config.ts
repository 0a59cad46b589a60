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
  },
});
