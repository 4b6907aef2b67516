import { describe, expect, it } from 'vitest';
import {
  devRendererUrl,
  isAllowedRequestUrl,
  isSamePage,
  isTrustedRendererUrl,
} from '../../../electron/security';

const dev = 'http://localhost:5173/';

describe('devRendererUrl', () => {
  it('uses the dev server only when not packaged', () => {
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: dev }, false)).toBe(dev);
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: dev }, true)).toBeUndefined();
    expect(devRendererUrl({}, false)).toBeUndefined();
  });

  it.each(['http://example.com:5173', 'file:///tmp/index.html', 'http://192.168.1.5:5173', 'garbage'])(
    'ignores a non-loopback or non-http URL: %s',
    (url) => {
      expect(devRendererUrl({ ELECTRON_RENDERER_URL: url }, false)).toBeUndefined();
    },
  );

  it('accepts the other loopback spellings', () => {
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' }, false)).toBeDefined();
    expect(devRendererUrl({ ELECTRON_RENDERER_URL: 'http://[::1]:5173' }, false)).toBeDefined();
  });
});

describe('isTrustedRendererUrl', () => {
  it('trusts our own origin', () => {
    expect(isTrustedRendererUrl('app://sunward/index.html#/children')).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'file:///opt/sunward/index.html',
    'https://sunward/index.html',
    'about:blank',
    'data:text/html,hi',
    '',
  ])('does not trust %s', (url) => {
    expect(isTrustedRendererUrl(url)).toBe(false);
  });

  it('trusts the dev server only when given, and only its exact origin', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/#/x')).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/#/x', dev)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', dev)).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  it.each([
    'app://sunward/assets/a.js',
    'data:image/png;base64,AAAA',
    'blob:app://sunward/1234',
    'devtools://devtools/x',
    // Chromium's built-in PDF viewer, for PDF attachments shown from memory.
    'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
    'chrome://resources/css/text_defaults_md.css',
  ])('allows local %s', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(true);
  });

  it.each([
    'https://fonts.googleapis.com/css',
    'http://localhost:5173/',
    'ws://localhost:5173/',
    'file:///etc/passwd',
    'app://other/x',
    'ftp://x/y',
    'nonsense',
    // Any other extension, or another chrome:// page, stays shut.
    'chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/index.html',
    'chrome://settings/',
  ])('blocks %s without a dev server', (url) => {
    expect(isAllowedRequestUrl(url)).toBe(false);
  });

  it('allows the dev server and its hot-reload socket, nothing else', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/?token=x', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:9999/', dev)).toBe(false);
    expect(isAllowedRequestUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedRequestUrl('https://cdn.example.com/x.js', dev)).toBe(false);
  });
});

describe('isSamePage', () => {
  it('is true for the same document, whatever the hash', () => {
    expect(isSamePage('app://sunward/index.html#/a', 'app://sunward/index.html#/b')).toBe(true);
  });

  it('is false for another document, origin or query', () => {
    expect(isSamePage('app://sunward/index.html', 'app://sunward/other.html')).toBe(false);
    expect(isSamePage('app://sunward/index.html', 'https://sunward/index.html')).toBe(false);
    expect(isSamePage('app://sunward/index.html', 'app://sunward/index.html?x=1')).toBe(false);
    expect(isSamePage('', 'app://sunward/index.html')).toBe(false);
  });
});
