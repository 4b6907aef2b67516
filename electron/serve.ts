import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, appFileResponse, NOT_FOUND_HEADERS, resolveAppFile } from './app-url';
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
    let response: ReturnType<typeof appFileResponse>;
    try {
      response = appFileResponse(file, await readFile(file));
    } catch {
      return notFound();
    }
    // A view, not a copy; neither readFile's nor Buffer.from's memory is a SharedArrayBuffer.
    const { body } = response;
    const view = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength);
    return new Response(request.method === 'HEAD' ? null : view, { status: 200, headers: response.headers });
  });
}
