import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stopChild } from "@/lib/process/shutdown";
import { freePort } from "./ports";

/**
 * Several app processes from one build behind a real load balancer (Debian's
 * haproxy), for the scale test and the bench: what "Running at scale" in the
 * README describes, on loopback. Each process is `server/main.ts` as
 * `npm start` runs it, with the same AUTH_SECRET and the given environment
 * (DATABASE_URL, REDIS_URL, the S3 settings…).
 */
export type TAppProcess = { name: string; port: number; url: string; child: ChildProcess; alive(): boolean };
export type TCluster = {
  /** The balancer's address: what readers and editors use. */
  url: string;
  processes: TAppProcess[];
  /** kill -9 one process (no goodbye: its connections drop, its leases lapse). */
  kill(index: number): void;
  stop(): Promise<void>;
};

const HAPROXY = ["/usr/sbin/haproxy", "/usr/bin/haproxy"].find((p) => existsSync(p));

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 90_000) {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > ms) throw new Error(`${what} did not come up within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The balancer's configuration: round robin, health checks every half second, a failed connection retried on another process. */
function haproxyConfig(port: number, backends: number[]): string {
  return [
    "global",
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  timeout connect 1s",
    "  timeout client 30s",
    "  timeout server 30s",
    "  retries 3",
    "  option redispatch 1",
    "  retry-on conn-failure empty-response response-timeout",
    "  option forwardfor",
    "frontend newsroom",
    `  bind 127.0.0.1:${port}`,
    "  default_backend app",
    "backend app",
    "  balance roundrobin",
    "  option httpchk GET /api/health",
    "  http-check expect status 200",
    "  default-server inter 500 fall 2 rise 2",
    ...backends.map((p, i) => `  server app${i + 1} 127.0.0.1:${p} check`),
    "",
  ].join("\n");
}

export async function startCluster({ processes: count, env, workDir }: { processes: number; env: Record<string, string>; workDir: string }): Promise<TCluster> {
  if (!HAPROXY) throw new Error("The scale test needs haproxy: apt-get install -y haproxy (.ci/run installs it).");
  mkdirSync(workDir, { recursive: true });
  const processes: TAppProcess[] = [];
  let haproxy: ChildProcess | null = null;
  const stop = async () => {
    await stopChild(haproxy, 5_000);
    await Promise.all(processes.map((p) => stopChild(p.child, 15_000)));
  };
  try {
    // The balancer's address is the site's address (SITE_URL): the newsroom accepts sign-ins from it.
    const lbPort = await freePort();
    const siteUrl = `http://127.0.0.1:${lbPort}`;
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      const child = spawn(process.execPath, ["--import", "tsx", path.resolve("server/main.ts")], {
        stdio: ["ignore", "ignore", "inherit"],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          TSX_TSCONFIG_PATH: "tsconfig.server.json",
          PORT: String(port),
          // One proxy in front appends the client's address to X-Forwarded-For.
          NEWSROOM_TRUSTED_PROXIES: "1",
          SITE_URL: siteUrl,
          ...env,
        },
      });
      const url = `http://127.0.0.1:${port}`;
      processes.push({ name: `app${i + 1}`, port, url, child, alive: () => child.exitCode === null && child.signalCode === null });
    }
    await Promise.all(processes.map((p) => waitFor(() => healthy(p.url), `${p.name} (port ${p.port})`)));
    const config = path.join(workDir, "haproxy.cfg");
    writeFileSync(
      config,
      haproxyConfig(
        lbPort,
        processes.map((p) => p.port),
      ),
    );
    haproxy = spawn(HAPROXY, ["-db", "-f", config], { stdio: ["ignore", "ignore", "inherit"] });
    const url = siteUrl;
    await waitFor(() => healthy(url), "haproxy", 15_000);
    return {
      url,
      processes,
      kill(index) {
        processes[index]!.child.kill("SIGKILL");
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
