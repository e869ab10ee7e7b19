// Plain files of a folder scanned on one worker per core. The engine is single-threaded and
// CPU-bound, so on a 2-core machine two workers roughly halve the time of a many-file scan.
// Results are replayed on the main thread in input order, so reports, progress and messages
// are the same as a sequential scan's.
import type { Located } from "./report.ts";

export interface FileJob {
  id: number;
  realPath: string;
  path: string;
  mrkdwn: boolean;
  rules?: string[];
}

/** What scanning one file did, in the order the main thread must replay it. */
export interface FileOutcome {
  id: number;
  bytes: number;
  files: number;
  found: Located[];
  errors: string[];
  skips: Array<[string, string]>;
}

/** Below this many bytes of plain files, starting workers costs more than it saves. */
export const POOL_MIN_BYTES = 4 * 1024 * 1024;

export class FilePool {
  #workers: Worker[] = [];
  #queue: FileJob[] = [];
  #waiting = new Map<number, (o: FileOutcome) => void>();
  #done = new Map<number, FileOutcome>();
  #idle: Worker[] = [];
  #failed: Error | null = null;
  #next = 0;

  constructor(size: number, readonly rules?: string[]) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL("./scan_worker.ts", import.meta.url).href, { type: "module" });
      w.onmessage = (e: MessageEvent<FileOutcome>) => {
        this.#settle(e.data);
        this.#idle.push(w);
        this.#pump();
      };
      w.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        this.#failed = new Error(`scan worker failed: ${e.message}`);
        for (const resolve of this.#waiting.values()) resolve(this.#failure());
        this.#waiting.clear();
      };
      this.#workers.push(w);
      this.#idle.push(w);
    }
  }

  #failure(): FileOutcome {
    return { id: -1, bytes: 0, files: 0, found: [], errors: [], skips: [] };
  }

  #settle(o: FileOutcome): void {
    const resolve = this.#waiting.get(o.id);
    if (resolve) {
      this.#waiting.delete(o.id);
      resolve(o);
    } else this.#done.set(o.id, o);
  }

  #pump(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      this.#idle.pop()!.postMessage(this.#queue.shift()!);
    }
  }

  /** Queues a file; returns its id for `result`. */
  submit(realPath: string, path: string, mrkdwn: boolean): number {
    const id = this.#next++;
    this.#queue.push({ id, realPath, path, mrkdwn, rules: this.rules });
    this.#pump();
    return id;
  }

  /** The outcome of file `id`; throws when a worker died. */
  async result(id: number): Promise<FileOutcome> {
    const ready = this.#done.get(id);
    if (ready) {
      this.#done.delete(id);
      return ready;
    }
    if (this.#failed) throw this.#failed;
    const o = await new Promise<FileOutcome>((resolve) => this.#waiting.set(id, resolve));
    if (this.#failed) throw this.#failed;
    return o;
  }

  close(): void {
    for (const w of this.#workers) w.terminate();
    this.#workers = [];
  }
}
