import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisMissing, startRedis, type TestRedis } from "../test/redis.js";
import { redisCheckpointStore } from "./redisStore.js";

// The Redis store on a private redis-server: the two newest checkpoints of a run, newest first.

const missing = redisMissing();
let server: TestRedis;
let redis: Redis;

describe.skipIf(missing !== null)(`redisCheckpointStore${missing ? ` (skipped: ${missing})` : ""}`, () => {
  beforeAll(async () => {
    server = await startRedis();
    redis = new Redis(server.url);
  });
  afterAll(async () => {
    redis?.disconnect();
    await server?.close();
  });

  it("keeps the two newest checkpoints of a run, newest first, byte for byte", async () => {
    const store = redisCheckpointStore(redis, "test");
    const bytes = (n: number) => Uint8Array.from({ length: 1000 }, (_, i) => (i * n) % 256);
    for (const epoch of [1, 2, 3]) await store.save("a", epoch, bytes(epoch));
    await store.save("b", 1, new Uint8Array(0));
    expect(await store.load("a")).toEqual([
      { epoch: 3, bytes: bytes(3) },
      { epoch: 2, bytes: bytes(2) },
    ]);
    expect(await store.load("b")).toEqual([{ epoch: 1, bytes: new Uint8Array(0) }]);
    await store.clear("a");
    expect(await store.load("a")).toEqual([]);
    expect(await store.load("never")).toEqual([]);
    expect(await redis.keys("test:*")).toEqual(["test:b"]);
  });

  it("refuses an epoch that is not a non-negative integer", async () => {
    const store = redisCheckpointStore(redis, "test");
    await expect(store.save("a", -1, new Uint8Array(1))).rejects.toThrow(
      "redisCheckpointStore: epoch must be a non-negative integer, got -1",
    );
  });
});
