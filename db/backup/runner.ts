// Starts one worker thread per backup job and turns its messages into a promise.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type MessagePort, Worker } from 'node:worker_threads';
import { BackupCheckError, type BackupProblem, type CreatePhase, type WriteArgs } from './copy';
import type { BackupTrigger } from './format';

export type WorkerJob = { keyHex: string | null } & (
  | {
      kind: 'create';
      source: string;
      final: string;
      slots: string;
      holdAttempts?: number;
      twoThreads?: boolean;
      /** The nice value of the backup's threads (Linux only; see worker.ts lowerPriority). */
      nice?: number;
      /** The worker's own entry, so it can start the thread that writes the container. */
      self?: { file: string; data: Record<string, string> };
      meta: {
        appVersion: string;
        createdAt: number;
        createdBy: { id: string; name: string };
        trigger: BackupTrigger;
      };
    }
  | {
      /** The container written beside a 'create' that checks the held file meanwhile. */
      kind: 'write';
      target: string;
      manifest: WriteArgs['manifest'];
      slots: string;
      dbFile: string;
      /** Check every page's HMAC as it is copied (copy.ts writeChecked), with keyHex. */
      pageSize?: number;
      nice?: number;
      progress: MessagePort;
    }
  | { kind: 'check'; file: string; scratch: string; keep: boolean }
  | { kind: 'copy'; file: string; toDir: string }
  /** Copies the live database's WAL into it off the main thread (after a large write). */
  | { kind: 'checkpoint'; file: string }
);

export type WorkerPhase = CreatePhase;

export type WorkerMessage =
  | { type: 'progress'; phase: WorkerPhase; done: number; total: number }
  /** A port on which a second thread's progress comes (same messages). */
  | { type: 'port'; port: MessagePort }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; problem: BackupProblem; detail: string };

/** The worker's bundle beside main.js: electron.vite.config.ts names it, main.ts passes it. */
export const BUNDLED_WORKER_NAME = 'backup-worker.js';

/** The bundled worker the app runs, given the folder main.js runs from (out/main, in app.asar). */
export function bundledWorkerPath(mainDir: string): string {
  return path.join(mainDir, BUNDLED_WORKER_NAME);
}

/**
 * Where the worker's code is. The app passes its bundled file (out/main/backup-worker.js);
 * running from source (tests, benchmark) the TypeScript entry is loaded through tsx.
 */
export function workerEntry(bundled?: string): { file: string; data: Record<string, string> } {
  if (bundled) return { file: bundled, data: {} };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dev = path.join(here, 'worker-dev.mjs');
  if (!existsSync(dev)) throw new Error('backup worker not found: pass CoreOptions.backupWorker');
  return { file: dev, data: { entry: pathToFileURL(path.join(here, 'worker.ts')).href } };
}

export function runJob<T>(
  entry: { file: string; data: Record<string, string> },
  job: WorkerJob,
  onProgress?: (phase: WorkerPhase, done: number, total: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const data = job.kind === 'create' ? { ...job, self: entry } : job;
    const worker = new Worker(entry.file, {
      workerData: { ...entry.data, ...data },
      transferList: job.kind === 'write' ? [job.progress] : [],
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.phase, m.done, m.total);
      else if (m.type === 'port')
        m.port.on('message', (p: WorkerMessage) => {
          if (p.type === 'progress') onProgress?.(p.phase, p.done, p.total);
        });
      else if (m.type === 'done') settle(() => resolve(m.value as T));
      else settle(() => reject(new BackupCheckError(m.problem, m.detail)));
    });
    worker.on('error', (err) => settle(() => reject(new BackupCheckError('io', String(err)))));
    worker.on('exit', (code) =>
      settle(() => reject(new BackupCheckError('io', `backup worker exited with ${code}`))),
    );
  });
}
