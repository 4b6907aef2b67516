// The one Content-Security-Policy of the app. Sent as a header on every app:// response and
// repeated as a meta tag in renderer/index.html, so either alone still protects the page.
// No remote source anywhere: the app never touches the network. `style-src 'unsafe-inline'`
// because antd writes its styles at run time; scripts stay 'self' only. `frame-src blob:` for the
// attachment viewer alone: a PDF held in memory is shown in Chromium's PDF viewer from a blob:
// URL the page itself made (renderer/src/attachments), never from a file or another origin.
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  'frame-src blob:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The meta tag's copy: browsers ignore (and complain about) frame-ancestors in a meta tag. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join(
  '; ',
);
