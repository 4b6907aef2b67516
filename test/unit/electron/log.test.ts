import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, formatLogLine } from '../../../electron/log';

const at = new Date('2025-03-01T08:00:00.000Z');

describe('formatLogLine', () => {
  it('writes time, level and message on one line', () => {
    expect(formatLogLine(at, 'info', 'start 0.1.0')).toBe('2025-03-01T08:00:00.000Z INFO  start 0.1.0\n');
  });

  it('appends extra data as JSON and errors with their stack', () => {
    expect(formatLogLine(at, 'warn', 'blocked', { origin: 'https://x' })).toBe(
      '2025-03-01T08:00:00.000Z WARN  blocked {"origin":"https://x"}\n',
    );
    const err = new Error('boom');
    expect(formatLogLine(at, 'error', 'failed', err)).toContain('Error: boom\n    at ');
  });

  it('survives values JSON cannot write and caps huge ones', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatLogLine(at, 'info', 'x', cyclic)).toContain('[object Object]');
    expect(formatLogLine(at, 'info', 'x', 'y'.repeat(20_000)).length).toBeLessThan(8200);
  });
});

describe('createFileLogger', () => {
  it('appends to the file, creating its folder, and rotates a large file at start', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunward-log-'));
    try {
      const file = path.join(dir, 'logs', 'main.log');
      const log = createFileLogger(file, { now: () => at });
      log('info', 'one');
      log('error', 'two', new Error('e'));
      const text = fs.readFileSync(file, 'utf8');
      expect(
        text.startsWith('2025-03-01T08:00:00.000Z INFO  one\n2025-03-01T08:00:00.000Z ERROR two Error: e'),
      ).toBe(true);

      createFileLogger(file, { maxBytes: 10 })('info', 'fresh');
      expect(fs.readFileSync(`${file}.1`, 'utf8')).toBe(text);
      expect(fs.readFileSync(file, 'utf8')).toMatch(/INFO {2}fresh\n$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never throws when the file cannot be written', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunward-log-'));
    try {
      const blocker = path.join(dir, 'not-a-folder');
      fs.writeFileSync(blocker, '');
      const log = createFileLogger(path.join(blocker, 'main.log'));
      expect(() => log('error', 'lost')).not.toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
