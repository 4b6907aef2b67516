import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_ORIGIN, contentTypeFor, resolveAppFile } from '../../../electron/app-url';

const root = path.resolve('/opt/sunward/resources/app.asar/out/renderer');
const inside = (...parts: string[]) => path.join(root, ...parts);

describe('resolveAppFile', () => {
  it('serves index.html for the origin and the index URL', () => {
    expect(resolveAppFile(`${APP_ORIGIN}/`, root)).toBe(inside('index.html'));
    expect(resolveAppFile(APP_ORIGIN, root)).toBe(inside('index.html'));
    expect(resolveAppFile(APP_INDEX_URL, root)).toBe(inside('index.html'));
  });

  it('maps nested assets and ignores query and hash', () => {
    expect(resolveAppFile(`${APP_ORIGIN}/assets/index-AbC123.js?v=1#x`, root)).toBe(
      inside('assets', 'index-AbC123.js'),
    );
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppFile(`${APP_ORIGIN}/fonts/%E4%BB%BF%E5%AE%8B.woff2`, root)).toBe(
      inside('fonts', '仿宋.woff2'),
    );
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppFile('file:///etc/passwd', root)).toBeNull();
    expect(resolveAppFile('https://sunward/index.html', root)).toBeNull();
    expect(resolveAppFile('app://evil/index.html', root)).toBeNull();
    expect(resolveAppFile('not a url', root)).toBeNull();
  });

  // The URL parser already folds plain and %2e dot segments; whatever survives must stay inside root.
  it.each([
    'app://sunward/../../../etc/passwd',
    'app://sunward/assets/../../../../etc/passwd',
    'app://sunward/%2e%2e/%2e%2e/etc/passwd',
    'app://sunward/.%2E/.%2e/etc/passwd',
  ])('keeps dot-segment traversal inside root: %s', (url) => {
    const file = resolveAppFile(url, root);
    expect(file === null || file.startsWith(root + path.sep)).toBe(true);
  });

  it.each([
    'app://sunward/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://sunward/assets%2F..%2F..%2Fsecret',
    'app://sunward/..%5C..%5Cwindows%5Cwin.ini',
    'app://sunward/%2Fetc%2Fpasswd',
    'app://sunward/C:%5CWindows%5Cwin.ini',
    'app://sunward/index.html%00.png',
    'app://sunward/index.html::$DATA',
    'app://sunward/%E0%A4%A',
  ])('refuses encoded separators, drive letters, NUL and bad escapes: %s', (url) => {
    expect(resolveAppFile(url, root)).toBeNull();
  });

  it('applies the same rules with Windows paths', () => {
    const winRoot = 'C:\\Program Files\\向阳\\resources\\app.asar\\out\\renderer';
    expect(resolveAppFile(`${APP_ORIGIN}/assets/a.js`, winRoot, path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(resolveAppFile('app://sunward/..%5C..%5Csecret', winRoot, path.win32)).toBeNull();
    expect(resolveAppFile('app://sunward/D:secret', winRoot, path.win32)).toBeNull();
    expect(resolveAppFile('app://sunward/%5C%5Cserver%5Cshare', winRoot, path.win32)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('knows what a Vite build emits', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('i.svg')).toBe('image/svg+xml');
  });

  it('falls back to a type the browser will not execute', () => {
    expect(contentTypeFor('LICENSE')).toBe('application/octet-stream');
  });
});
