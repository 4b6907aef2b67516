// The backup worker as the app runs it: one bundled file, not db/backup/worker.ts through tsx.
// tsx's start-up in a new thread (0.4–1 s on the bench machine against about 0.15 s for the
// bundle) is a cost only running from source pays; the backup row measures the app's backup.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

/**
 * out/main/backup-worker.js when the app has been built (`npm run build`); otherwise the worker
 * bundled here into `dir` the way electron-vite bundles it (Vite, better-sqlite3 left out).
 */
export async function benchWorker(dir: string): Promise<string> {
  const built = path.resolve('out/main/backup-worker.js');
  if (existsSync(built)) return built;
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: path.resolve('db/backup/worker.ts'),
      outDir: dir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { entryFileNames: 'backup-worker.mjs', format: 'es' } },
    },
    ssr: { external: ['better-sqlite3'] },
  });
  return path.join(dir, 'backup-worker.mjs');
}
