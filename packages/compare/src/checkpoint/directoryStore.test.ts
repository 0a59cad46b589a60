import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { directoryStore } from "./directoryStore.js";

const dir = mkdtempSync(join(tmpdir(), "lrkit-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bytes = (n: number) => Uint8Array.of(n, n + 1);

describe("directoryStore", () => {
  it("keeps the two newest checkpoints of a run, and gives them newest first", async () => {
    const store = directoryStore(join(dir, "a"));
    expect(await store.load("cosine")).toEqual([]);
    for (const epoch of [1, 2, 3]) await store.save("cosine", epoch, bytes(epoch));
    expect((await store.load("cosine")).map((c) => [c.epoch, [...c.bytes]])).toEqual([
      [3, [3, 4]],
      [2, [2, 3]],
    ]);
    expect(readdirSync(join(dir, "a", "cosine"))).toEqual(["epoch-000002.ckpt", "epoch-000003.ckpt"]);
    await store.clear("cosine");
    expect(await store.load("cosine")).toEqual([]);
  });

  it("is shared: what one store saves another on the same directory loads; keys stay inside it", async () => {
    const [one, two] = [directoryStore(join(dir, "b")), directoryStore(join(dir, "b"))];
    for (const key of ["..", "../x", "a/b", "a.b"]) {
      await one.save(key, 1, bytes(1));
      await two.save(key, 2, bytes(2));
      expect((await one.load(key)).map((c) => c.epoch)).toEqual([2, 1]);
    }
    expect(readdirSync(join(dir, "b")).sort()).toEqual(["%2e%2e", "%2e%2e%2Fx", "a%2eb", "a%2Fb"].sort());
    expect(readdirSync(dir).sort()).toEqual(["a", "b"]);
  });

  it("refuses an epoch that is not a non-negative integer", async () => {
    await expect(directoryStore(join(dir, "c")).save("k", 1.5, bytes(0))).rejects.toThrow(
      "directoryStore: epoch must be a non-negative integer, got 1.5",
    );
  });
});
