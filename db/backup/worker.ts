// The backup worker thread's entry: one job per worker, results posted back. It has its
// own connection and its own copy of the key, so a lock on the API's side (which closes the
// session's connection and wipes its key) does not cut a backup short.
import { setPriority } from 'node:os';
import { MessageChannel, parentPort, workerData } from 'node:worker_threads';
import { openEncrypted } from '../core/open';
import {
  BackupCheckError,
  checkBackup,
  copyBackup,
  createBackup,
  type WriteArgs,
  type WriteResult,
  writeChecked,
} from './copy';
import { BackupFormatError } from './format';
import { runJob, type WorkerJob, type WorkerMessage, type WorkerPhase } from './runner';

function post(message: WorkerMessage): void {
  parentPort?.postMessage(message);
}

/** At most one progress message per percent of the database (and each phase's start). */
function progressPoster(send: (m: WorkerMessage) => void) {
  let last = { phase: '', step: -1 };
  return (phase: WorkerPhase, done: number, total: number) => {
    const step = Math.floor((100 * done) / Math.max(total, 1));
    if (phase === last.phase && step === last.step) return;
    last = { phase, step };
    send({ type: 'progress', phase, done, total });
  };
}

/**
 * Starts a second thread that writes the container while this one checks the held file, its
 * progress going straight to the API's side on a port of its own (this thread is busy in
 * quick_check meanwhile and could not pass it on).
 */
function writeElsewhere(
  self: { file: string; data: Record<string, string> },
  keyHex: string,
  nice: number | undefined,
) {
  return (args: WriteArgs): Promise<WriteResult> => {
    const { port1, port2 } = new MessageChannel();
    parentPort?.postMessage({ type: 'port', port: port1 } satisfies WorkerMessage, [port1]);
    return runJob<WriteResult>(self, {
      kind: 'write',
      // The page HMACs are checked where the bytes are copied; that thread needs the key for it.
      keyHex: args.pageSize ? keyHex : null,
      pageSize: args.pageSize,
      nice,
      target: args.target,
      manifest: args.manifest,
      slots: args.slots.toString('utf8'),
      dbFile: args.dbFile,
      progress: port2,
    }).finally(() => port2.close());
  };
}

/**
 * Gives the API's thread the CPU first while this thread copies and checks. On Linux a nice
 * value belongs to one thread (setpriority(PRIO_PROCESS, 0) acts on the caller: man 2
 * setpriority, "the nice value is a per-thread attribute"), so this lowers the backup's threads
 * and not the app. Elsewhere the same call would lower the whole process (Windows: its priority
 * class), so it is left alone there.
 */
function lowerPriority(nice: number | undefined): void {
  if (process.platform !== 'linux' || !nice) return;
  try {
    setPriority(0, nice);
  } catch {
    // Not permitted: the backup runs at the app's priority, as before.
  }
}

async function run(job: WorkerJob): Promise<unknown> {
  if (job.kind === 'create' || job.kind === 'write') lowerPriority(job.nice);
  const key = job.keyHex ? Buffer.from(job.keyHex, 'hex') : null;
  try {
    switch (job.kind) {
      case 'create':
        if (!key) throw new BackupCheckError('wrongKey');
        return await createBackup({
          source: job.source,
          key,
          final: job.final,
          slots: Buffer.from(job.slots, 'utf8'),
          meta: job.meta,
          holdAttempts: job.holdAttempts,
          onProgress: progressPoster(post),
          writeElsewhere:
            job.twoThreads && job.self && job.keyHex
              ? writeElsewhere(job.self, job.keyHex, job.nice)
              : undefined,
        });
      case 'write': {
        const onPort = progressPoster((m) => job.progress.postMessage(m));
        const written = writeChecked(
          {
            target: job.target,
            manifest: job.manifest,
            slots: Buffer.from(job.slots, 'utf8'),
            dbFile: job.dbFile,
            pageSize: job.pageSize,
          },
          key,
          onPort,
        );
        // The creating thread is inside quick_check and cannot say it; the check is what is left.
        onPort('verify', 0, 1);
        return written;
      }
      case 'check':
        return checkBackup(job.file, key, job.scratch, job.keep).layout.manifest;
      case 'copy':
        return copyBackup(job.file, job.toDir);
      case 'checkpoint': {
        if (!key) throw new BackupCheckError('wrongKey');
        const raw = openEncrypted(job.file, key, { create: false });
        try {
          // PASSIVE: never waits for the app's connection, which goes on reading and writing.
          return raw.pragma('wal_checkpoint(PASSIVE)');
        } finally {
          raw.close();
        }
      }
    }
  } finally {
    key?.fill(0);
  }
}

run(workerData as WorkerJob).then(
  (value) => post({ type: 'done', value }),
  (err) =>
    post({
      type: 'failed',
      problem:
        err instanceof BackupFormatError ? err.reason : err instanceof BackupCheckError ? err.problem : 'io',
      detail: err instanceof Error ? err.message : String(err),
    }),
);
