// The backup worker thread's entry: one job per worker, results posted back. It has its
// own connection and its own copy of the key, so a lock on the API's side (which closes the
// session's connection and wipes its key) does not cut a backup short.
import { parentPort, workerData } from 'node:worker_threads';
import { BackupCheckError, checkBackup, copyBackup, createBackup } from './copy';
import type { WorkerJob, WorkerMessage, WorkerPhase } from './runner';

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

/** At most one progress message per percent of the database (and each phase's start). */
function progressPoster() {
  let last = { phase: '', step: -1 };
  return (phase: WorkerPhase, done: number, total: number) => {
    const step = Math.floor((100 * done) / Math.max(total, 1));
    if (phase === last.phase && step === last.step) return;
    last = { phase, step };
    post({ type: 'progress', phase, done, total });
  };
}

function run(job: WorkerJob): unknown {
  const key = job.keyHex ? Buffer.from(job.keyHex, 'hex') : null;
  try {
    switch (job.kind) {
      case 'create':
        if (!key) throw new BackupCheckError('wrongKey');
        return createBackup({
          source: job.source,
          key,
          final: job.final,
          slots: Buffer.from(job.slots, 'utf8'),
          meta: job.meta,
          holdAttempts: job.holdAttempts,
          onProgress: progressPoster(),
        });
      case 'check':
        return checkBackup(job.file, key, job.scratch, job.keep).layout.manifest;
      case 'copy':
        return copyBackup(job.file, job.toDir);
    }
  } finally {
    key?.fill(0);
  }
}

try {
  post({ type: 'done', value: run(workerData as WorkerJob) });
} catch (err) {
  post({
    type: 'failed',
    problem: err instanceof BackupCheckError ? err.problem : 'io',
    detail: err instanceof Error ? err.message : String(err),
  });
}
