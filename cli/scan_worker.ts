// One worker of the file pool (scan_pool.ts): scans the plain files it is sent, exactly as the
// main thread would (scanFile), and posts back what happened for the main thread to replay.
/// <reference lib="deno.worker" />
import { scanSync } from "../detect/scan.ts";
import type { FileJob, FileOutcome } from "./scan_pool.ts";
import { scanFile, type ScanTotals } from "./scan_inputs.ts";

self.onmessage = async (e: MessageEvent<FileJob>) => {
  const job = e.data;
  const totals: ScanTotals = { found: [], files: 0, bytes: 0, errors: 0, skipped: 0 };
  const out: FileOutcome = { id: job.id, bytes: 0, files: 0, found: [], errors: [], skips: [] };
  const rules = job.rules;
  await scanFile(
    job.realPath,
    job.path,
    job.mrkdwn,
    { scan: (text, mrkdwn) => scanSync(text, { mrkdwn, rules }) },
    totals,
    (n) => out.bytes += n,
    (line) => out.errors.push(line),
    (path, reason) => out.skips.push([path, reason]),
  );
  out.files = totals.files;
  out.found = totals.found;
  self.postMessage(out);
};
