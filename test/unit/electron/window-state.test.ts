import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseWindowState,
  placeWindow,
  type Rect,
  readWindowState,
  WINDOW_SIZE,
  writeWindowState,
} from '../../../electron/window-state';

const fullHd: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const laptop: Rect = { x: 0, y: 0, width: 1366, height: 728 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('accepts a well-formed state and rounds it', () => {
    expect(parseWindowState({ x: 10.4, y: 20, width: 1300.6, height: 900, maximized: true })).toEqual({
      x: 10,
      y: 20,
      width: 1301,
      height: 900,
      maximized: true,
    });
  });

  it.each([
    null,
    'x',
    42,
    [],
    {},
    { x: 0, y: 0, width: 0, height: 800 },
    { x: 0, y: '0', width: 1, height: 1 },
    {
      x: Number.NaN,
      y: 0,
      width: 1,
      height: 1,
    },
  ])('rejects %j', (raw) => {
    expect(parseWindowState(raw)).toBeNull();
  });

  it('treats anything but true as not maximized', () => {
    expect(parseWindowState({ x: 0, y: 0, width: 1200, height: 700, maximized: 'yes' })?.maximized).toBe(
      false,
    );
  });
});

describe('placeWindow', () => {
  it('uses the default size, centred, on first run', () => {
    expect(placeWindow(null, [fullHd])).toEqual({ width: 1280, height: 800, maximized: false });
  });

  it('shrinks the default size to a small screen but never below the minimum', () => {
    expect(placeWindow(null, [laptop])).toEqual({ width: 1280, height: 728, maximized: false });
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 560 };
    expect(placeWindow(null, [tiny])).toEqual({
      width: WINDOW_SIZE.minWidth,
      height: WINDOW_SIZE.minHeight,
      maximized: false,
    });
  });

  it('keeps a saved window that is fully visible', () => {
    const saved = { x: 100, y: 50, width: 1400, height: 900, maximized: false };
    expect(placeWindow(saved, [fullHd])).toEqual(saved);
  });

  it('keeps the maximized flag', () => {
    expect(placeWindow({ x: 0, y: 0, width: 1280, height: 800, maximized: true }, [fullHd]).maximized).toBe(
      true,
    );
  });

  it('restores onto a secondary display', () => {
    const saved = { x: 2200, y: 100, width: 1600, height: 1000, maximized: false };
    expect(placeWindow(saved, [fullHd, rightMonitor])).toEqual(saved);
  });

  it('centres on the primary display when the saved display is gone', () => {
    const saved = { x: 2200, y: 100, width: 1600, height: 1000, maximized: false };
    expect(placeWindow(saved, [fullHd])).toEqual({ width: 1600, height: 1000, maximized: false });
  });

  it('does not count a sliver at the edge as visible', () => {
    const saved = { x: 1900, y: 100, width: 1280, height: 800, maximized: false };
    const placed = placeWindow(saved, [fullHd]);
    expect(placed.x).toBeUndefined();
    expect(placed.y).toBeUndefined();
  });

  it('pulls a window hanging off its display back onto it', () => {
    const saved = { x: 1200, y: -200, width: 1280, height: 800, maximized: false };
    expect(placeWindow(saved, [fullHd])).toEqual({
      x: 640,
      y: 0,
      width: 1280,
      height: 800,
      maximized: false,
    });
  });

  it('shrinks a window larger than its display and never goes below the minimum size', () => {
    expect(placeWindow({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
      maximized: false,
    });
    expect(placeWindow({ x: 10, y: 10, width: 300, height: 200, maximized: false }, [fullHd])).toEqual({
      x: 10,
      y: 10,
      width: WINDOW_SIZE.minWidth,
      height: WINDOW_SIZE.minHeight,
      maximized: false,
    });
  });

  it('respects a work area that does not start at 0,0 (taskbar on the left or top)', () => {
    const area: Rect = { x: 60, y: 30, width: 1860, height: 1050 };
    const placed = placeWindow({ x: 0, y: 0, width: 1280, height: 800, maximized: false }, [area]);
    expect(placed).toEqual({ x: 60, y: 30, width: 1280, height: 800, maximized: false });
  });

  it('still returns a usable size with no display information', () => {
    expect(placeWindow(null, [])).toEqual({ width: 1280, height: 800, maximized: false });
  });
});

describe('readWindowState / writeWindowState', () => {
  it('round-trips through a file and tolerates a missing or corrupt one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunward-ws-'));
    try {
      const file = path.join(dir, 'nested', 'window-state.json');
      expect(readWindowState(file)).toBeNull();
      const state = { x: 1, y: 2, width: 1300, height: 700, maximized: false };
      writeWindowState(file, state);
      expect(readWindowState(file)).toEqual(state);
      expect(fs.existsSync(`${file}.tmp`)).toBe(false);
      fs.writeFileSync(file, '{"x":1,');
      expect(readWindowState(file)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
