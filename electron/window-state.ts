import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What is remembered between runs: the normal (un-maximized) bounds and whether it was maximized. */
export interface SavedWindowState extends Rect {
  maximized: boolean;
}

/** What the window is created with; no x/y means "let the OS centre it". */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const WINDOW_SIZE = { width: 1280, height: 800, minWidth: 1024, minHeight: 680 } as const;

// A window counts as visible only if this much of it lies on one display: enough to grab its title bar.
const MIN_VISIBLE = { width: 120, height: 40 };

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Accepts only a well-formed saved state; anything else (old format, hand edits) is ignored. */
export function parseWindowState(raw: unknown): SavedWindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const { x, y, width, height } = r;
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(width) || !isFiniteNumber(height))
    return null;
  if (width <= 0 || height <= 0) return null;
  return {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.round(width),
    height: Math.round(height),
    maximized: r.maximized === true,
  };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), Math.max(lo, hi));
}

/**
 * Places the window from the saved state and the displays' work areas (primary first).
 * A window saved on a display that is gone (a laptop undocked from its monitor) is centred
 * on the primary display instead; one hanging off its display is pulled back onto it; the
 * size never exceeds the display nor goes below the minimum.
 */
export function placeWindow(saved: SavedWindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  let home: Rect | undefined;
  if (saved) {
    let best = 0;
    for (const area of workAreas) {
      const o = overlap(saved, area);
      if (o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height && o.width * o.height > best) {
        best = o.width * o.height;
        home = area;
      }
    }
  }
  const area = home ?? workAreas[0];
  const wantWidth = saved?.width ?? WINDOW_SIZE.width;
  const wantHeight = saved?.height ?? WINDOW_SIZE.height;
  const width = area
    ? clamp(wantWidth, WINDOW_SIZE.minWidth, area.width)
    : Math.max(wantWidth, WINDOW_SIZE.minWidth);
  const height = area
    ? clamp(wantHeight, WINDOW_SIZE.minHeight, area.height)
    : Math.max(wantHeight, WINDOW_SIZE.minHeight);
  const placement: WindowPlacement = { width, height, maximized: saved?.maximized ?? false };
  if (saved && home) {
    placement.x = clamp(saved.x, home.x, home.x + home.width - width);
    placement.y = clamp(saved.y, home.y, home.y + home.height - height);
  }
  return placement;
}

export function readWindowState(file: string): SavedWindowState | null {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** Writes through a temporary file so a crash mid-write cannot leave half a JSON file behind. */
export function writeWindowState(file: string, state: SavedWindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(state)}\n`);
  fs.renameSync(tmp, file);
}
