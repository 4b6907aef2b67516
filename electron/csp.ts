// The one Content-Security-Policy of the app. Sent as a header on every app:// response and
// repeated as a meta tag in renderer/index.html, so either alone still protects the page.
// No remote source anywhere: the app never touches the network. Scripts are 'self' only.
//
// Styles: antd writes its styles at run time into <style> elements. Instead of
// `'unsafe-inline'`, each load of the page gets a fresh nonce: the server puts it in the header
// and in the page (replacing NONCE_PLACEHOLDER, which Vite also writes as the
// `<meta property="csp-nonce">` it reads), and the renderer hands it to antd (ConfigProvider
// `csp`) and to the few library <style> elements created without one
// (renderer/src/shell/styleNonce.ts). Style markup that arrives by HTML injection carries no
// nonce and is refused, which is what the policy is for.
//
// `frame-src blob:` for the attachment viewer alone: a PDF held in memory is shown in Chromium's
// PDF viewer from a blob: URL the page itself made (renderer/src/attachments), never from a file
// or another origin.
export const NONCE_PLACEHOLDER = 'SUNWARD_CSP_NONCE';

function directives(styleSources: string): string[] {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src ${styleSources}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    'frame-src blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ];
}

/** The header for the page: its styles must carry `nonce`. */
export function documentPolicy(nonce: string): string {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(nonce)) throw new Error('a CSP nonce is base64');
  return directives(`'self' 'nonce-${nonce}'`).join('; ');
}

/** The header for everything else the app serves (scripts, styles, fonts): no inline style at all. */
export const CONTENT_SECURITY_POLICY = directives("'self'").join('; ');

/** The meta tag's copy in index.html: browsers ignore (and complain about) frame-ancestors there. */
export const META_CONTENT_SECURITY_POLICY = directives(`'self' 'nonce-${NONCE_PLACEHOLDER}'`)
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
