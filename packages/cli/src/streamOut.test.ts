import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { streamOut } from "./streamOut.js";

/** `count` lines `line <i>\n`, counting how many were made. */
function lines(count: number, made = { n: 0 }): Generator<string> {
  return (function* () {
    for (let i = 0; i < count; i++) {
      made.n++;
      yield `line ${i}\n`;
    }
  })();
}

const text = (count: number) => Array.from(lines(count)).join("");

/** A stream that takes each chunk after a tick (a slow reader), keeping what it was given. */
function slowReader(highWaterMark: number): Writable & { received: string[] } {
  const received: string[] = [];
  const stream = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      setTimeout(() => {
        received.push(chunk);
        done();
      }, 1);
    },
  });
  return Object.assign(stream, { received });
}

describe("streamOut", () => {
  it("writes the pieces in order, gathered into chunks of about 64 KB", async () => {
    const chunks: string[] = [];
    await streamOut({ out: (t) => chunks.push(t), err: () => {} }, lines(100_000));
    expect(chunks.join("")).toBe(text(100_000));
    // 1,088,890 characters: 17 chunks of at least 65,536, and the rest.
    expect(chunks).toHaveLength(17);
    expect(chunks.slice(0, -1).every((c) => c.length >= 65_536 && c.length < 65_536 + 12)).toBe(true);
  });

  it("waits for a slow stream to drain: what is produced stays within one chunk of what is taken", async () => {
    const stream = slowReader(16_384);
    let most = 0;
    const watched = (function* () {
      for (const line of lines(200_000)) {
        most = Math.max(most, stream.writableLength);
        yield line;
      }
    })();
    await streamOut({ out: () => {}, err: () => {}, stream }, watched);
    await new Promise((resolve) => stream.end(resolve));
    expect(stream.received.join("")).toBe(text(200_000));
    // Without waiting, all 2.3 MB would be queued in the stream.
    expect(most).toBeLessThanOrEqual(65_536 + 12);
    expect(stream.listenerCount("drain") + stream.listenerCount("close")).toBe(0);
  });

  it("stops quietly, producing no more, when the reader has gone (EPIPE)", async () => {
    let writes = 0;
    const stream = new Writable({
      write(_chunk, _encoding, done) {
        writes++;
        done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      },
    });
    const made = { n: 0 };
    await expect(streamOut({ out: () => {}, err: () => {}, stream }, lines(1_000_000, made))).resolves.toBe(
      undefined,
    );
    expect(writes).toBe(1);
    expect(made.n).toBeLessThan(20_000);
    expect(stream.listenerCount("error")).toBe(0);
  });

  it("stops when the stream is closed", async () => {
    const stream = slowReader(1024);
    const made = { n: 0 };
    setTimeout(() => stream.destroy(), 5);
    await streamOut({ out: () => {}, err: () => {}, stream }, lines(10_000_000, made));
    expect(made.n).toBeLessThan(1_000_000);
  });

  it("throws any other write error", async () => {
    const stream = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }));
      },
    });
    await expect(streamOut({ out: () => {}, err: () => {}, stream }, lines(100_000))).rejects.toThrow(
      "ENOSPC: no space left on device, write",
    );
  });
});
