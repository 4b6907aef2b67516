// The page's CSP allows only <style> elements that carry this load's nonce (electron/csp.ts).
// antd and its icons take it through ConfigProvider's `csp`; two library paths do not: the
// portal's scroll lock and the scrollbar measure create <style> elements without one, and
// TextArea's autoSize writes a style *attribute*. Both are our own bundled code acting through
// the DOM, not markup injected into the page, so they are let through here: new <style>
// elements get the nonce, and a script's `setAttribute('style', …)` becomes the CSSOM write it
// means (`style.cssText`, which CSP does not govern). Style markup parsed from HTML still
// carries no nonce and is refused.

function readNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  // The browser hides a nonce attribute from getAttribute once the policy applies; the property keeps it.
  return meta?.nonce || undefined;
}

export const styleNonce: string | undefined = typeof document === 'undefined' ? undefined : readNonce();

let installed = false;

export function installStyleNonce(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  const nonce = styleNonce;
  const createElement = Document.prototype.createElement as (
    tag: string,
    options?: ElementCreationOptions,
  ) => Element;
  Document.prototype.createElement = function (
    this: Document,
    tag: string,
    options?: ElementCreationOptions,
  ) {
    const el = createElement.call(this, tag, options);
    if (nonce && el instanceof HTMLStyleElement && !el.nonce) el.nonce = nonce;
    return el;
  } as typeof Document.prototype.createElement;

  const setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'style' && (this instanceof HTMLElement || this instanceof SVGElement)) {
      this.style.cssText = String(value);
      return;
    }
    setAttribute.call(this, name, value);
  };
}
