// Runs the core's lint in a worker thread, so that a long lint (a large law takes seconds) never
// blocks the server: hover, code actions and other documents are answered meanwhile.
import { parentPort } from 'node:worker_threads';
import { lint, type Finding, type LintOptions } from '@dclint/core';

export interface LintJob {
  id: number;
  text: string;
  options: LintOptions;
}

export type LintReply = { id: number; findings: Finding[] } | { id: number; error: string };

parentPort!.on('message', (job: LintJob) => {
  let reply: LintReply;
  try {
    reply = { id: job.id, findings: lint(job.text, job.options).findings };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) };
  }
  parentPort!.postMessage(reply);
});
