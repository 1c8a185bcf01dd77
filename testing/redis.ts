import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { stopChild } from "@/lib/process/shutdown";
import { freePort } from "./ports";

/**
 * A real Redis for tests and the scale test: Debian's redis-server on a free
 * loopback port, nothing saved to disk, bounded memory with the policy the
 * README asks of production (volatile-lru: only cache entries, which carry a
 * time to live, are evicted). `restart` stops it and starts it again empty on
 * the same port (what a crash of an unpersisted Redis looks like).
 */
export type TRedis = { url: string; port: number; restart(pauseMs?: number): Promise<void>; stop(): Promise<void> };

const BINARY = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find((p) => existsSync(p));

async function ping(port: number): Promise<boolean> {
  const { Socket } = await import("node:net");
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.connect(port, "127.0.0.1", () => socket.write("PING\r\n"));
    socket.once("data", (d) => done(d.toString().startsWith("+PONG")));
  });
}

export async function startRedis({ maxMemoryMb = 256, port: fixed }: { maxMemoryMb?: number; port?: number } = {}): Promise<TRedis> {
  if (!BINARY) throw new Error("These tests need Redis: apt-get install -y redis-server (.ci/run installs it).");
  const port = fixed ?? (await freePort());
  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn(
      BINARY,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--maxmemory",
        `${maxMemoryMb}mb`,
        "--maxmemory-policy",
        "volatile-lru",
      ],
      { stdio: "ignore" },
    );
    const t0 = Date.now();
    while (!(await ping(port))) {
      if (Date.now() - t0 > 10_000) throw new Error(`redis-server did not start on port ${port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async restart(pauseMs = 0) {
      await stopChild(child, 5_000);
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      await launch();
    },
    async stop() {
      await stopChild(child, 5_000);
      child = null;
    },
  };
}
