import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, appFileHeaders, NOT_FOUND_HEADERS, resolveAppFile } from './app-url';
import { CONTENT_SECURITY_POLICY } from './csp';
import type { Log } from './log';

/**
 * Must run before `app` is ready, and only once: Electron keeps the last call only.
 * `standard` gives app:// a real origin and relative URLs; `secure` makes it a secure context;
 * fetch/CORS support because Vite loads its bundles as `<script type="module" crossorigin>`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: NOT_FOUND_HEADERS });
}

/** Serves the built renderer from `root` (inside app.asar when packaged). */
export function serveAppScheme(root: string, log: Log): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file =
      request.method === 'GET' || request.method === 'HEAD' ? resolveAppFile(request.url, root) : null;
    if (!file) {
      log('warn', 'app:// request refused', { method: request.method });
      return notFound();
    }
    let body: Uint8Array<ArrayBuffer>;
    try {
      const buf = await readFile(file);
      // A view, not a copy; readFile's buffer is never a SharedArrayBuffer.
      body = new Uint8Array(buf.buffer as ArrayBuffer, buf.byteOffset, buf.byteLength);
    } catch {
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: appFileHeaders(file, CONTENT_SECURITY_POLICY),
    });
  });
}
