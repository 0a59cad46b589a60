/**
 * `npm run check:peers`: the packages against the TensorFlow.js versions they accept as peers.
 * For each version, a new project gets `@tensorflow/tfjs@<version>`, then the packed packages (build
 * first: `npm run build`), and must end up with exactly one `@tensorflow/tfjs-core` (the one of that
 * version), and must type-check every TypeScript example of the README (each block with the
 * declarations of README-prelude.d.ts for the names the blocks take as given: your model, your
 * tensors). Needs the npm registry (the npm cache first).
 *
 *   npm run check:peers                  # 4.20.0 and 4.22.0
 *   npm run check:peers -- 4.21.0        # another version
 *
 * @module
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  installedCopies,
  npmInstall,
  packWorkspace,
  ROOT,
  runIn,
} from "../packages/cli/src/test/packages.js";

const versions = process.argv.slice(2).length ? process.argv.slice(2) : ["4.20.0", "4.22.0"];
const work = mkdtempSync(join(tmpdir(), "lrkit-peers-"));
const packed = packWorkspace(work);
const typescript = JSON.parse(
  readFileSync(join(ROOT, "node_modules/typescript/package.json"), "utf8"),
).version;

/** The README's TypeScript examples: each block, a block without imports continuing the one before. */
const blocks: string[] = [];
for (const [, code] of readFileSync(join(ROOT, "README.md"), "utf8").matchAll(/```ts\n([\s\S]*?)\n```/g)) {
  if (/^import /m.test(code!) || blocks.length === 0) blocks.push(code!);
  else blocks[blocks.length - 1] += `\n${code}`;
}
const prelude = readFileSync(join(ROOT, "scripts/README-prelude.d.ts"), "utf8");

let failed = false;
try {
  for (const version of versions) {
    const dir = join(work, `tfjs-${version}`);
    mkdirSync(dir);
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "peers", private: true, type: "module" }),
    );
    // A project with TensorFlow.js at that version adds lrkit, as a user's app does.
    npmInstall(dir, [
      `@tensorflow/tfjs@${version}`,
      `@tensorflow/tfjs-backend-wasm@${version}`,
      `typescript@${typescript}`,
      "@types/node@20",
    ]);
    npmInstall(
      dir,
      [packed.lrkit, packed["@lrkit/plot"], packed["@lrkit/tfjs"], packed["@lrkit/compare"]].map(
        (p) => p.tarball,
      ),
    );
    const cores = installedCopies(dir, "@tensorflow/tfjs-core");
    const installed = JSON.parse(
      readFileSync(join(dir, "node_modules/@tensorflow/tfjs-core/package.json"), "utf8"),
    ).version;
    const one = cores.length === 1 && installed === version;
    console.log(
      `tfjs ${version}: ${cores.length} tfjs-core (${installed})${one ? "" : "  <-- expected exactly one, of this version"}`,
    );
    failed ||= !one;
    mkdirSync(join(dir, "examples"));
    writeFileSync(join(dir, "examples", "prelude.d.ts"), prelude);
    blocks.forEach((code, i) =>
      writeFileSync(
        join(dir, "examples", `readme-${String(i + 1).padStart(2, "0")}.ts`),
        `${code}\nexport {};\n`,
      ),
    );
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          lib: ["ES2023", "DOM"],
          types: ["node"],
        },
        include: ["examples"],
      }),
    );
    try {
      runIn(dir, join(dir, "node_modules/.bin/tsc"), ["-p", "."]);
      console.log(`tfjs ${version}: the README's ${blocks.length} TypeScript examples compile`);
    } catch (e) {
      failed = true;
      console.log(
        `tfjs ${version}: the README's TypeScript examples do not compile:\n${(e as Error).message}`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
