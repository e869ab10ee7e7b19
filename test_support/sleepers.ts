// Delays of the fake servers that end early when the server closes (or the request is aborted),
// so a test's finally block never waits for a long injected delay.
export class Sleepers {
  readonly #waiting = new Set<() => void>();

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiting.delete(done);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#waiting.add(done);
      signal?.addEventListener("abort", done);
    });
  }

  /** Ends every delay under way. */
  wakeAll(): void {
    for (const wake of [...this.#waiting]) wake();
  }
}
