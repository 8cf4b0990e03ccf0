/**
 * A value kept in memory for a short time: settings and profiles change rarely, and a Lambda instance serves
 * many requests, so most reads cost nothing. Real time, not the domain clock: a test's fixed clock must not
 * freeze a cache. A writer in this instance replaces the value at once; other instances see it within `ttlMs`.
 */
export function shortLived<T>(ttlMs: number, load: () => Promise<T>) {
  let held: { value: Promise<T>; until: number } | undefined;
  return {
    get(): Promise<T> {
      if (!held || held.until <= Date.now()) {
        const value = load();
        held = { value, until: Date.now() + ttlMs };
        value.catch(() => { held = undefined; });
      }
      return held.value;
    },
    set(value: T): void {
      held = { value: Promise.resolve(value), until: Date.now() + ttlMs };
    },
    clear(): void {
      held = undefined;
    },
  };
}
