// The scanning functions a CLI run uses, built the same way on the main thread and in the
// scan worker (cli/scan_worker.ts).
import { scanSync } from "../detect/scan.ts";
import { bytesInput, countLines, countUnits, scanBytes } from "../detect/scan_bytes.ts";
import { dayInput, dayMessages } from "./day_filter.ts";
import type { BytesScanner, DayReader, ScanFn } from "./scan_inputs.ts";

export interface EngineFns {
  scan: ScanFn;
  bytes: BytesScanner;
  day: DayReader;
}

export function engineFns(rules?: string[]): EngineFns {
  return {
    scan: (text, mrkdwn) => scanSync(text, { mrkdwn, rules }),
    bytes: {
      input: (size) => bytesInput(size, { rules }),
      scan: (bytes) => scanBytes(bytes, { rules }),
      lines: (bytes) => countLines(bytes, { rules }),
      units: (bytes, from, to) => countUnits(bytes, from, to, { rules }),
    },
    day: {
      input: (size) => dayInput(size, rules),
      messages: (bytes) => dayMessages(bytes, rules),
    },
  };
}
