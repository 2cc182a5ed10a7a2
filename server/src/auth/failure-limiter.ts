/**
 * Counts failed sign-ins per key (email and client address) in a sliding window. An attempt counts
 * from the moment it starts, so a burst of parallel guesses cannot slip past while passwords are being
 * checked; a success clears the key. In memory: a restart forgets, which only ever lets people in.
 */
export interface FailureLimiter {
  /** Starts an attempt: 0 when it may go ahead, else the milliseconds until one may. */
  begin(key: string): number;
  succeeded(key: string): void;
}

export function createFailureLimiter({ maxFailures, windowMs, now }: { maxFailures: number; windowMs: number; now: () => Date }): FailureLimiter {
  const attempts = new Map<string, number[]>();
  const recent = (key: string, at: number) => (attempts.get(key) ?? []).filter((time) => time > at - windowMs);
  return {
    begin(key) {
      const at = now().getTime();
      const times = recent(key, at);
      if (times.length >= maxFailures) {
        attempts.set(key, times);
        return (times[0] ?? at) + windowMs - at;
      }
      times.push(at);
      attempts.set(key, times);
      // Keys nobody retries are dropped now and then, so guessing many addresses cannot fill memory.
      if (attempts.size > 10_000) for (const [other] of attempts) if (recent(other, at).length === 0) attempts.delete(other);
      return 0;
    },
    succeeded: (key) => void attempts.delete(key),
  };
}
