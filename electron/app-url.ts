import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, documentPolicy, NONCE_PLACEHOLDER } from './csp';

// The renderer is served from app://sunward/ rather than file://, so it has a real origin
// ('self' in the CSP means exactly our files) and no file:// privileges.
export const APP_SCHEME = 'app';
export const APP_HOST = 'sunward';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

// Segments no bundled asset ever has. ':' also covers Windows drive letters and NTFS streams.
const UNSAFE_SEGMENT = /[\\/:\0]/;

/**
 * Maps an app:// URL to a file inside `root`, or null when it is not ours or would leave
 * `root` (plain or percent-encoded `..`, encoded slashes or backslashes, absolute paths).
 * `p` is injectable so tests can check Windows path rules on any OS.
 */
export function resolveAppFile(url: string, root: string, p: path.PlatformPath = path): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;

  let segments: string[];
  try {
    segments = parsed.pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
  if (segments.length === 0) segments = ['index.html'];
  if (segments.some((s) => s === '.' || s === '..' || UNSAFE_SEGMENT.test(s))) return null;

  const base = p.resolve(root);
  const file = p.resolve(base, ...segments);
  return file.startsWith(base + p.sep) ? file : null;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type to send; responses also carry `nosniff`, so this must be right for scripts. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The headers of every app:// file response; the browser tests' server sends the same. */
export function appFileHeaders(file: string, csp: string): Record<string, string> {
  return {
    'content-type': contentTypeFor(file),
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  };
}

/**
 * The response for one app:// file. A page (.html) gets a fresh style nonce on every load, in
 * its header and in its text where the build left NONCE_PLACEHOLDER; every other file is sent
 * as it is with the no-inline policy. `newNonce` is injectable for tests.
 */
export function appFileResponse(
  file: string,
  bytes: Uint8Array,
  newNonce: () => string = () => randomBytes(18).toString('base64'),
): { headers: Record<string, string>; body: Uint8Array } {
  if (path.extname(file).toLowerCase() !== '.html') {
    return { headers: appFileHeaders(file, CONTENT_SECURITY_POLICY), body: bytes };
  }
  const nonce = newNonce();
  const html = Buffer.from(bytes).toString('utf8').replaceAll(NONCE_PLACEHOLDER, nonce);
  return {
    headers: appFileHeaders(file, documentPolicy(nonce)),
    body: new Uint8Array(Buffer.from(html, 'utf8')),
  };
}

export const NOT_FOUND_HEADERS = { 'content-type': 'text/plain; charset=utf-8' } as const;
