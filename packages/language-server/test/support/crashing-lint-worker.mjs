// The server's lint worker (built), ended abruptly when a document request carries a marker: in its edits
// only ("ABSTURZ-BEI-AENDERUNG", so the retry with the whole text succeeds) or anywhere ("ABSTURZ-IMMER").
import { parentPort } from 'node:worker_threads';

function crashOn(request) {
  if (request.kind !== 'document') return;
  const edits = (request.edits ?? []).map((e) => e.text).join('');
  if (edits.includes('ABSTURZ-BEI-AENDERUNG') || edits.includes('ABSTURZ-IMMER') || request.text?.includes('ABSTURZ-IMMER')) {
    process.exit(3);
  }
}

// The worker's own listener, wrapped: it is the only one, so no message reaches the port before it is attached.
const on = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) => on(event, event === 'message' ? (request) => { crashOn(request); listener(request); } : listener);
await import('../../dist/lint-worker.js');
