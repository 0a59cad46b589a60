/**
 * Writes packages/compare/results.schema.json from the zod schema the package validates results
 * with (`npm run schema -w @lrkit/compare`); a test checks that the file is up to date.
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import { resultsJsonSchema } from "@lrkit/compare";

const file = new URL("../packages/compare/results.schema.json", import.meta.url);
writeFileSync(file, `${JSON.stringify(resultsJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file.pathname}`);
