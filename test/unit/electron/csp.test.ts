import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appFileResponse } from '../../../electron/app-url';
import {
  CONTENT_SECURITY_POLICY,
  documentPolicy,
  META_CONTENT_SECURITY_POLICY,
  NONCE_PLACEHOLDER,
} from '../../../electron/csp';

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...sources] = d.trim().split(/\s+/);
    return [name, sources] as const;
  }),
);

describe('CONTENT_SECURITY_POLICY', () => {
  it('names no remote or wildcard source', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|ftp:|\*|\/\//);
  });

  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).toEqual(["'self'"]);
  });

  it('shuts every door the app does not use', () => {
    for (const name of ['connect-src', 'object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(directives.get(name), name).toEqual(["'none'"]);
    }
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('allows no inline source anywhere: styles need the page nonce', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-inline'");
    expect(directives.get('style-src')).toEqual(["'self'"]);
    const page = documentPolicy('c2VjcmV0bm9uY2U=');
    expect(page).not.toContain("'unsafe-inline'");
    expect(page).toContain("style-src 'self' 'nonce-c2VjcmV0bm9uY2U='");
    expect(page.replace(" 'nonce-c2VjcmV0bm9uY2U='", '')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses a nonce that could break out of the header', () => {
    expect(() => documentPolicy("x'; script-src *")).toThrow();
    expect(() => documentPolicy('')).toThrow();
  });

  it('gives every load of the page a fresh nonce, in its header and in its text', () => {
    const html = new TextEncoder().encode(
      `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}"><meta property="csp-nonce" nonce="${NONCE_PLACEHOLDER}">`,
    );
    const a = appFileResponse('/r/index.html', html);
    const b = appFileResponse('/r/index.html', html);
    const nonceOf = (h: Record<string, string>) => /'nonce-([^']+)'/.exec(h['content-security-policy'])?.[1];
    const [na, nb] = [nonceOf(a.headers), nonceOf(b.headers)];
    expect(na).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(na).not.toBe(nb);
    const text = new TextDecoder().decode(a.body);
    expect(text).not.toContain(NONCE_PLACEHOLDER);
    expect(text).toContain(`nonce="${na}"`);
    expect(text).toContain(`'nonce-${na}'`);
  });

  it('sends scripts and styles with the no-inline policy, unchanged', () => {
    const js = new TextEncoder().encode(`const x = "${NONCE_PLACEHOLDER}";`);
    const r = appFileResponse('/r/assets/index.js', js, () => 'bm9uY2U=');
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(new TextDecoder().decode(r.body)).toContain(NONCE_PLACEHOLDER);
  });

  it('frames only blob: URLs, for attachments the page shows from memory', () => {
    expect(directives.get('frame-src')).toEqual(['blob:']);
    expect(directives.get('child-src')).toBeUndefined();
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('is one header line', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/[\r\n]/);
  });

  it('is the policy renderer/index.html carries in its meta tag', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(documentPolicy(NONCE_PLACEHOLDER)).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });
});
