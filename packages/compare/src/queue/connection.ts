/**
 * The Redis server of a queue, named by a URL (`redis://HOST:PORT`, with an optional user,
 * password and database number, or `rediss://` for TLS): the connection options BullMQ takes, and
 * a check that the server answers before anything is enqueued.
 *
 * @module
 */
import { Redis } from "ioredis";

/** An unusable queue URL, or a Redis server that does not answer. */
export class QueueError extends Error {
  override name = "QueueError";
}

/** Where a Redis server is and how to log in: options that ioredis and BullMQ both take. */
export interface RedisAddress {
  readonly host: string;
  readonly port: number;
  readonly username?: string;
  readonly password?: string;
  readonly db?: number;
  /** TLS (`rediss://`) with Node's defaults. */
  readonly tls?: Record<string, never>;
}

/**
 * `url` as messages show it: its password, if any, replaced by `***` (progress lines and errors end
 * up in logs).
 *
 * @example
 * ```ts
 * shownUrl("redis://:s3cret@10.0.0.5:6379"); // "redis://:***@10.0.0.5:6379"
 * ```
 */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === "") return url;
    parsed.password = "***";
    return parsed.href;
  } catch {
    return url;
  }
}

/**
 * The address of `url`.
 *
 * @throws {@link QueueError} for a URL that is not `redis://` or `rediss://` with a host.
 */
export function redisOptions(url: string): RedisAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QueueError(`queue: the queue must be a URL redis://HOST:PORT, got ${JSON.stringify(url)}`);
  }
  if ((parsed.protocol !== "redis:" && parsed.protocol !== "rediss:") || parsed.hostname === "")
    throw new QueueError(`queue: the queue must be a URL redis://HOST:PORT, got ${JSON.stringify(url)}`);
  const db = parsed.pathname.replace(/^\//, "");
  if (db !== "" && !/^\d+$/.test(db))
    throw new QueueError(
      `queue: the database of ${shownUrl(url)} must be a number, got ${JSON.stringify(db)}`,
    );
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ""),
    port: parsed.port === "" ? 6379 : Number(parsed.port),
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db !== "" ? { db: Number(db) } : {}),
    ...(parsed.protocol === "rediss:" ? { tls: {} } : {}),
  };
}

/**
 * Connects to the queue's Redis once, without retrying, and disconnects: fails fast when nothing
 * answers at `url`.
 *
 * @param timeoutMs - how long to wait for the connection. Defaults to 5,000.
 * @throws {@link QueueError} naming the URL and the reason ("connect ECONNREFUSED 127.0.0.1:1").
 */
export async function checkReachable(url: string, timeoutMs = 5000): Promise<void> {
  const client = new Redis({
    ...redisOptions(url),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // The socket's error (ECONNREFUSED, ENOTFOUND, ...) says more than connect()'s "Connection is closed."
  let cause: unknown;
  client.on("error", (e) => (cause ??= e));
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    const reason = cause ?? e;
    throw new QueueError(
      `cannot reach the queue at ${shownUrl(url)}: ${reason instanceof Error ? reason.message : String(reason)} (is redis-server running there?)`,
    );
  } finally {
    client.disconnect();
  }
}

/**
 * Says when `redis` loses its connection to the queue at `url` and when it is back (ioredis
 * reconnects by itself), and calls `back` then.
 */
export function watchConnection(
  redis: Redis,
  url: string,
  say: (message: string) => void,
  back: () => void,
): void {
  let down: number | null = null;
  // "reconnecting", not "close": a connection closed on purpose (Ctrl-C, the end) does not reconnect.
  redis.on("reconnecting", () => {
    if (down !== null) return;
    down = performance.now();
    say(`lost the connection to the queue at ${shownUrl(url)}; reconnecting`);
  });
  redis.on("ready", () => {
    if (down === null) return;
    const seconds = ((performance.now() - down) / 1000).toFixed(1);
    down = null;
    say(`reconnected to the queue at ${shownUrl(url)} after ${seconds} s`);
    back();
  });
}
