/**
 * A process that holds an embedded PostgreSQL the way the launcher does
 * (scripts/serve.ts: started with supervision, stopped by onShutdown on
 * SIGTERM), for lib/db/embedded-supervision.int.test.ts.
 *
 *   node --import tsx testing/embedded-holder.ts <root>
 *
 * Prints `READY {"port":…}` once the server accepts connections; every log
 * line of the supervisor goes to stdout as `LOG …`.
 */
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { onShutdown } from "@/lib/process/shutdown";

async function main() {
  const root = process.argv[2];
  if (!root) throw new Error("usage: embedded-holder.ts <root>");
  const server = await startEmbeddedPostgres({ root, supervise: true, log: (line) => console.log(`LOG ${line}`) });
  onShutdown(async () => {
    await server.stop();
    console.log("STOPPED");
  });
  console.log(`READY ${JSON.stringify({ port: server.port })}`);
  // Stay alive until asked to stop.
  setInterval(() => {}, 60_000);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
