// Runs the backup worker from its TypeScript source (tests, the benchmark, `tsx`). The app
// runs the bundled out/main/backup-worker.js instead and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
