import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../../electron/csp';

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

  it('allows inline styles only, for antd', () => {
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const inline = [...directives]
      .filter(([, sources]) => sources.includes("'unsafe-inline'"))
      .map(([n]) => n);
    expect(inline).toEqual(['style-src']);
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
    expect(CONTENT_SECURITY_POLICY).toBe(`${META_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
  });
});
