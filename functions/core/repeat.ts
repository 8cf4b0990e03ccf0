import type { Logger } from './logger.ts';

/** A timer that never overlaps its own runs; the function it returns stops it after the run in flight. */
export function repeat(everyMs: number, run: () => Promise<unknown>, logger?: Logger, what = 'background run'): () => Promise<void> {
  let current: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = everyMs > 0 ? setInterval(() => {
    current = current.then(() => (stopped ? undefined : run())).catch((error) => logger?.error(`${what} failed`, { error: error as Error }));
  }, everyMs) : undefined;
  timer?.unref();
  return async () => {
    stopped = true;
    if (timer) clearInterval(timer);
    await current;
  };
}
