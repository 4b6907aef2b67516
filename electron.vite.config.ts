import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { NONCE_PLACEHOLDER } from './electron/csp';

// One config builds the three parts. The preload is bundled to a single CommonJS file
// because a sandboxed preload cannot load ES modules or other files.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The backup worker thread runs its own file (db/backup/worker.ts).
        input: {
          main: resolve(__dirname, 'electron/main.ts'),
          'backup-worker': resolve(__dirname, 'db/backup/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(__dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    // The page's style nonce: the app:// server replaces this placeholder on every load
    // (electron/csp.ts). Vite writes it as <meta property="csp-nonce"> and on its own tags.
    html: { cspNonce: NONCE_PLACEHOLDER },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      emptyOutDir: true,
      // electron-vite leaves the renderer unminified; the sign-in screen then parses megabytes
      // of comments and long names before its first paint.
      minify: true,
      chunkSizeWarningLimit: 4000,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
});
