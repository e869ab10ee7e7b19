// Scans a batch of independent files on two threads: this one and a worker (cli/scan_worker.ts)
// take the next file from one shared counter, so neither waits while the other has work; the
// outcomes are applied in file order, so reports, errors and the workspace host learned from an
// export come out as they would on one thread.
import type { MrkdwnMode } from "./args.ts";
import type { Located } from "./report.ts";

/** One file to scan: a plain file, or a day file of an unpacked export. */
export type Job =
  | { kind: "file"; realPath: string; path: string; size: number; named?: boolean }
  /** `size` -1: not known (its stat failed; the job reports why). */
  | { kind: "day"; realRoot: string; root: string; rel: string; size: number };

/** What scanning one file gave, to be applied to the run's totals in order. */
export interface Outcome {
  found: Located[];
  files: number;
  bytes: number;
  errors: string[];
  skips: Array<[string, string]>;
  /** A day file's workspace host, learned from a file permalink in it. */
  host?: string;
}

/** What a worker needs to build the same scanner as this thread. */
export interface PoolOptions {
  rules?: string[];
  mrkdwn: MrkdwnMode;
  maxSize: number;
  workspace?: string;
}

/**
 * Creating a worker blocks this thread ~20 ms and the worker needs ~35 ms more before it scans
 * (measured on 2 cores): on 21 MB of chat a second thread made the whole run slower (0.22 s
 * against 0.21 s), on 200 MB faster (0.65 s against 0.85 s). Batches smaller than this run here.
 */
export const POOL_MIN_BYTES = 32 * 1024 * 1024;
const POOL_MIN_JOBS = 4;

/** Workers to use by default: one when there is a second core. */
export function autoWorkers(): number {
  return (navigator.hardwareConcurrency ?? 1) >= 2 ? 1 : 0;
}

interface FromWorker {
  index?: number;
  outcome?: Outcome;
  done?: boolean;
}

export class JobPool {
  #worker?: Worker;
  #dead = false;

  constructor(
    readonly workers: number,
    readonly options: PoolOptions,
    readonly minBytes = POOL_MIN_BYTES,
  ) {}

  /**
   * Runs `jobs`: `local` scans one here; `apply` receives every outcome, in job order. Small
   * batches, or no worker, run here alone.
   */
  async run(
    jobs: Job[],
    local: (job: Job) => Promise<Outcome>,
    apply: (outcome: Outcome) => void,
  ): Promise<void> {
    const bytes = jobs.reduce((n, j) => n + Math.max(0, j.size), 0);
    const small = jobs.length < POOL_MIN_JOBS || bytes < this.minBytes;
    if (this.workers < 1 || this.#dead || small) {
      for (const job of jobs) apply(await local(job));
      return;
    }
    const results: Array<Outcome | undefined> = new Array(jobs.length);
    let next = 0;
    const flush = () => {
      while (next < jobs.length && results[next] !== undefined) apply(results[next++]!);
    };
    const claim = new Int32Array(new SharedArrayBuffer(4));
    const worker = this.#start();
    const done = new Promise<void>((resolve) => {
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        if (e.data.done) return resolve();
        results[e.data.index!] = e.data.outcome;
        flush();
      };
      worker.onerror = (e) => {
        e.preventDefault();
        this.#dead = true;
        resolve();
      };
    });
    worker.postMessage({ jobs, claim: claim.buffer, options: this.options });
    for (let i = Atomics.add(claim, 0, 1); i < jobs.length; i = Atomics.add(claim, 0, 1)) {
      results[i] = await local(jobs[i]);
      flush();
    }
    await done;
    // A worker that failed leaves its files to this thread.
    for (let i = 0; i < jobs.length; i++) results[i] ??= await local(jobs[i]);
    flush();
  }

  #start(): Worker {
    return this.#worker ??= new Worker(new URL("./scan_worker.ts", import.meta.url).href, {
      type: "module",
    });
  }

  close(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }
}
