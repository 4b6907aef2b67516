import { APP_HOST, APP_SCHEME } from './app-url';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function isAppUrl(u: URL): boolean {
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
}

/**
 * The Vite dev server URL that electron-vite sets in development. Ignored in a packaged app
 * (an environment variable must never be able to point the window at other content) and
 * unless it is plain http(s) on this machine.
 */
export function devRendererUrl(
  env: Readonly<Record<string, string | undefined>>,
  isPackaged: boolean,
): string | undefined {
  const raw = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !raw) return undefined;
  const u = parse(raw);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || !LOOPBACK_HOSTS.has(u.hostname)) {
    return undefined;
  }
  return raw;
}

/** Whether a page at `url` is our renderer and so may use the API. */
export function isTrustedRendererUrl(url: string, devUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (isAppUrl(u)) return true;
  const dev = devUrl ? parse(devUrl) : null;
  return dev !== null && u.origin === dev.origin;
}

// data: and blob: are local by construction; devtools: is Chromium's own inspector.
const LOCAL_PROTOCOLS = new Set(['data:', 'blob:', 'devtools:']);

/**
 * Chromium's built-in PDF viewer (the same component extension id in Chrome and Electron) and
 * the shared resources it loads: compiled into the binary, no network behind them. Needed to
 * show a PDF attachment from a blob: URL (renderer/src/attachments); nothing else is let through.
 */
export const PDF_VIEWER_URL_PREFIXES = [
  'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/',
  'chrome://resources/',
] as const;

export function isPdfViewerUrl(url: string): boolean {
  return PDF_VIEWER_URL_PREFIXES.some((p) => url.startsWith(p)) && !url.includes('..');
}

/** Whether the session may issue this request at all. Everything that could reach a network is refused. */
export function isAllowedRequestUrl(url: string, devUrl?: string): boolean {
  const u = parse(url);
  if (!u) return false;
  if (isAppUrl(u) || LOCAL_PROTOCOLS.has(u.protocol) || isPdfViewerUrl(url)) return true;
  const dev = devUrl ? parse(devUrl) : null;
  if (!dev) return false;
  // Vite's hot reload talks over a websocket on the dev server's own host and port.
  const sameServer = u.host === dev.host;
  return sameServer && (u.origin === dev.origin || u.protocol === 'ws:' || u.protocol === 'wss:');
}

/** A navigation that only reloads the current page (hash changes never reach will-navigate). */
export function isSamePage(currentUrl: string, targetUrl: string): boolean {
  const a = parse(currentUrl);
  const b = parse(targetUrl);
  if (!a || !b) return false;
  return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname && a.search === b.search;
}
