// The injected faults of the fake servers (Slack's and the providers'): queued per route or
// method, the oldest first, each applied `times` times (once by default) before normal handling.
export class FaultQueue<F extends { times?: number }> {
  readonly #byKey = new Map<string, Array<F & { left: number }>>();

  add(key: string, fault: F): void {
    const list = this.#byKey.get(key) ?? [];
    list.push({ ...fault, left: fault.times ?? 1 });
    this.#byKey.set(key, list);
  }

  /** Uses up one application of the oldest fault under the first of `keys` that has one. */
  take(keys: readonly string[]): F | undefined {
    for (const key of keys) {
      const list = this.#byKey.get(key);
      if (!list?.length) continue;
      const f = list[0];
      f.left -= 1;
      if (f.left <= 0) list.shift();
      return f;
    }
    return undefined;
  }

  clear(): void {
    this.#byKey.clear();
  }
}
