// The second scanning thread (cli/job_pool.ts): builds the same scanner as the main thread,
// takes files from the shared counter and posts back each one's outcome.
import { engineFns } from "./engine_fns.ts";
import type { Job, PoolOptions } from "./job_pool.ts";
import { Progress } from "./progress.ts";
import { runJob, type ScanContext } from "./scan_inputs.ts";

interface Batch {
  jobs: Job[];
  claim: SharedArrayBuffer;
  options: PoolOptions;
}

// The worker's global scope (typed here rather than with the deno.worker lib, which would
// apply to every file the type-check reads).
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Batch>) => void) | null;
  postMessage(message: unknown): void;
};

let engine: ReturnType<typeof engineFns> | undefined;

scope.onmessage = async (e) => {
  const { jobs, claim, options } = e.data;
  engine ??= engineFns(options.rules);
  const ctx: ScanContext = {
    ...engine,
    rules: options.rules,
    mrkdwn: options.mrkdwn,
    maxSize: options.maxSize,
    workspace: options.workspace,
    progress: new Progress(0, false),
    onError: () => {},
    onSkip: () => {},
  };
  const counter = new Int32Array(claim);
  for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1)) {
    scope.postMessage({ index: i, outcome: await runJob(jobs[i], ctx) });
  }
  scope.postMessage({ done: true });
};
