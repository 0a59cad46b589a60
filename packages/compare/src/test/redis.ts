/**
 * A private Redis server for tests: Debian's `redis-server` on 127.0.0.1 on a free port, with no
 * persistence files outside its own temporary directory, stopped (and its directory removed) by
 * `stop()`. Tests that need it skip when `redis-server` is absent, saying why, except under CI
 * (`CI=true`), where its absence is a failure (`.ci/run` installs it).
 *
 * @module
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Why the Redis tests cannot run here, or null when `redis-server` is installed. */
export function redisMissing(): string | null {
  const found = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  if (found.error === undefined && found.status === 0) return null;
  const reason = "redis-server is not installed (apt-get install redis-server; .ci/run installs it)";
  if (process.env.CI === "true") throw new Error(`CI=true: ${reason}`);
  return reason;
}

/** A free TCP port on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** A running test server. */
export interface TestRedis {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGKILL when `hard`, as a crash), keeping its port for {@link TestRedis.restart}. */
  stop(hard?: boolean): Promise<void>;
  /** Starts it again on the same port (empty: nothing is persisted). */
  restart(): Promise<void>;
  /** Stops it and removes its directory. */
  close(): Promise<void>;
}

/** Starts `redis-server` on 127.0.0.1:`port` in `dir`; resolves once it accepts connections. */
function startServer(port: number, dir: string): Promise<ChildProcess> {
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
  const child = spawn("redis-server", [...args, "--dir", dir], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d.toString();
      if (/Ready to accept connections/.test(log)) {
        child.stdout!.off("data", onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`redis-server exited with ${code}:\n${log}`)));
  });
}

/** Starts a private Redis server on a free loopback port. */
export async function startRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), "lrkit-redis-"));
  const port = await freePort();
  let child: ChildProcess | null = await startServer(port, dir);
  const stop = async (hard = false) => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill(hard ? "SIGKILL" : "SIGTERM");
    await exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    restart: async () => {
      await stop();
      child = await startServer(port, dir);
    },
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
