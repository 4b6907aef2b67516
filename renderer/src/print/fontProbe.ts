// Which system faces this machine has, looked up once per print window: Chromium's PDF engine
// carries the whole file of every system font a document uses into each print (a Noto CJK
// collection is 20-27 MB), so where a system face has the same design as the bundled serif,
// the bundled one is used in its place (print.css, `data-sw-song-bold`).

/** The faces "SW Song Bold" (print.css) tries before Songti: the bundled bold's own design. */
const SAME_AS_BUNDLED_BOLD = [
  'Noto Serif CJK SC Bold',
  'NotoSerifCJKsc-Bold',
  'Source Han Serif SC Bold',
  'SourceHanSerifSC-Bold',
];

let probed: Promise<void> | null = null;

async function hasLocalFace(names: readonly string[]): Promise<boolean> {
  if (typeof FontFace === 'undefined') return false;
  try {
    // A face made only of local() sources loads when one of them is installed, else rejects.
    const src = names.map((n) => `local(${JSON.stringify(n)})`).join(', ');
    await new FontFace('SW Probe', src, { weight: '700' }).load();
    return true;
  } catch {
    return false;
  }
}

/** Sets the marks on <html> that print.css reads; resolves once they are set, never rejects. */
export function probePrintFonts(): Promise<void> {
  probed ??= hasLocalFace(SAME_AS_BUNDLED_BOLD).then((same) => {
    if (same) document.documentElement.dataset.swSongBold = 'bundled';
  });
  return probed;
}
