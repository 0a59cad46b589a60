import { describe, expect, it } from "vitest";
import { redisOptions, shownUrl } from "./connection.js";

describe("a queue URL", () => {
  it("gives ioredis its host, port, user, password (decoded), database and TLS", () => {
    expect(redisOptions("rediss://worker:p%40ss@10.0.0.5:6380/2")).toEqual({
      host: "10.0.0.5",
      port: 6380,
      username: "worker",
      password: "p@ss",
      db: 2,
      tls: {},
    });
    expect(redisOptions("redis://[::1]")).toEqual({ host: "::1", port: 6379 });
  });

  it("is shown without its password, in progress lines and errors", () => {
    expect(shownUrl("redis://:s3cret@10.0.0.5:6379")).toBe("redis://:***@10.0.0.5:6379");
    expect(shownUrl("redis://worker:s3cret@10.0.0.5:6379/2")).toBe("redis://worker:***@10.0.0.5:6379/2");
    expect(shownUrl("redis://10.0.0.5:6379")).toBe("redis://10.0.0.5:6379");
    expect(() => redisOptions("redis://:s3cret@h/x")).toThrow(
      "queue: the database of redis://:***@h/x must be a number",
    );
  });
});
