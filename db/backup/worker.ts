// The backup worker thread's entry: one job per worker, results posted back. It has its
// own connection and its own copy of the key, so a lock on the API's side (which closes the
// session's connection and wipes its key) does not cut a backup short.
import { parentPort, workerData } from 'node:worker_threads';
import { BackupCheckError, checkBackup, copyBackup, createBackup } from './copy';
import type { WorkerJob, WorkerMessage } from './runner';

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
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
          onPhase: (phase) => post({ type: 'phase', phase }),
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
