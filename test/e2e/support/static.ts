import { readFile } from 'node:fs/promises';
import {
  appFileResponse,
  NOT_FOUND_HEADERS,
  resolveAppFile,
  APP_ORIGIN as SHELL_ORIGIN,
} from '../../../electron/app-url';

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/**
 * Answers a request for `urlPath` the way the shell's app:// handler (electron/serve.ts)
 * does: the same path resolver, content types and headers. The CSP header matters most:
 * without it, a page that only works because nothing enforces the policy would pass here
 * and break in the app.
 */
export async function loadStatic(root: string, urlPath: string): Promise<StaticResponse> {
  const file = resolveAppFile(`${SHELL_ORIGIN}${urlPath}`, root);
  if (file) {
    try {
      const { headers, body } = appFileResponse(file, await readFile(file));
      return { status: 200, headers, body: Buffer.from(body) };
    } catch {
      // A directory or an unreadable file: the shell answers 404 too.
    }
  }
  return { status: 404, headers: { ...NOT_FOUND_HEADERS }, body: 'Not found' };
}
