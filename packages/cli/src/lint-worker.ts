// A worker thread of `LintAhead` (parallel.ts): lints one draft per message, exactly as the command does.
import { parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from '@dclint/core';
import { lintRecord } from './commands/lint.js';

parentPort!.on('message', (job: { id: number; text: string; options: LintOptions }) => {
  try {
    parentPort!.postMessage({ id: job.id, record: lintRecord(job.text, job.options, (workerData as { hashes: boolean }).hashes) });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
