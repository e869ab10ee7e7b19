// A progress bar on standard error, drawn only when standard error is a terminal and only once a
// scan has run for more than a moment, so quick runs, pipes and CI logs stay clean.
import { printable } from "./printable.ts";

const encoder = new TextEncoder();

export interface ProgressSink {
  isTerminal(): boolean;
  writeSync(p: Uint8Array): number;
  /** Terminal width in columns, when known. */
  columns?: () => number;
}

export class Progress {
  #done = 0;
  #label = "";
  #drawn = false;
  #lastDraw = 0;
  readonly #started = Date.now();
  readonly #enabled: boolean;

  constructor(
    readonly total: number,
    enabled: boolean,
    readonly sink: ProgressSink = Deno.stderr,
    readonly delayMs = 400,
  ) {
    this.#enabled = enabled && sink.isTerminal();
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  label(text: string): void {
    this.#label = printable(text);
  }

  add(bytes: number): void {
    this.#done += bytes;
    if (!this.#enabled) return;
    const now = Date.now();
    if (now - this.#started < this.delayMs || now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    this.#draw(now);
  }

  #draw(now: number): void {
    const width = 24;
    const frac = this.total > 0 ? Math.min(1, this.#done / this.total) : 0;
    const filled = Math.round(frac * width);
    const mb = (n: number) => (n / 1e6).toFixed(1);
    const secs = Math.max(0.001, (now - this.#started) / 1000);
    const rate = `${mb(this.#done / secs)} MB/s`;
    const amount = this.total > 0
      ? `${Math.floor(frac * 100)}% ${mb(this.#done)}/${mb(this.total)} MB`
      : `${mb(this.#done)} MB`;
    let line = `[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${amount} ${rate} `;
    const cols = safeColumns(this.sink);
    const room = cols - line.length - 1;
    const label = this.#label.length > room ? "…" + this.#label.slice(-(room - 1)) : this.#label;
    line += room > 2 ? label : "";
    this.sink.writeSync(encoder.encode(`\r\x1b[2K${line}`));
    this.#drawn = true;
  }

  /** Clears the bar so the report starts on a clean line. */
  finish(): void {
    if (this.#drawn) this.sink.writeSync(encoder.encode("\r\x1b[2K"));
    this.#drawn = false;
  }
}

function safeColumns(sink: ProgressSink): number {
  try {
    return sink.columns ? sink.columns() : Deno.consoleSize().columns;
  } catch {
    return 80;
  }
}
