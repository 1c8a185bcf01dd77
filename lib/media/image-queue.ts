import { availableParallelism } from "node:os";
import { RateLimitedError } from "@/lib/errors";

/**
 * Image work (sharp decodes and encodes on libuv's thread pool, which file reads,
 * DNS and crypto share) runs at most SLOTS jobs at a time: one per spare core, at
 * least one, at most two. A few hostile uploads or a burst of variant requests
 * then cannot take every pool thread and every core; the rest wait here, in
 * order, up to MAX_WAITING, after which a job is refused with RATE_LIMITED
 * (uploads answer 429, images 503, both with Retry-After).
 */
const SLOTS = Math.max(1, Math.min(2, availableParallelism() - 1));
const MAX_WAITING = 32;
const RETRY_AFTER_SECONDS = 5;

let running = 0;
const waiting: (() => void)[] = [];

export async function runImageJob<T>(job: () => Promise<T>): Promise<T> {
  if (running >= SLOTS) {
    if (waiting.length >= MAX_WAITING) throw new RateLimitedError("The server is busy preparing images. Try again in a few seconds.", RETRY_AFTER_SECONDS);
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await job();
  } finally {
    // Hand the slot straight to the next job in line (running stays the same), or free it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** How many jobs run and wait right now (for tests and diagnostics). */
export const imageQueueState = () => ({ slots: SLOTS, running, waiting: waiting.length });
