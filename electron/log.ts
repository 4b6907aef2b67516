import fs from 'node:fs';
import path from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export type Log = (level: LogLevel, msg: string, extra?: unknown) => void;

export interface FileLoggerOptions {
  /** Above this size the log is moved to `<file>.1` at start, so it never grows without bound. */
  maxBytes?: number;
  /** Also print to the terminal (development). */
  echo?: boolean;
  now?: () => Date;
}

const MAX_EXTRA_CHARS = 8000;

function formatExtra(extra: unknown): string {
  if (extra === undefined) return '';
  if (extra instanceof Error) return extra.stack ?? `${extra.name}: ${extra.message}`;
  if (typeof extra === 'string') return extra;
  try {
    return JSON.stringify(extra) ?? String(extra);
  } catch {
    return String(extra);
  }
}

/**
 * One line per entry (a stack adds its own lines): `ISO-time LEVEL message extra`.
 * Callers log ids, method names and errors, never a record's content: the log is not encrypted.
 */
export function formatLogLine(date: Date, level: LogLevel, msg: string, extra?: unknown): string {
  let tail = formatExtra(extra);
  if (tail.length > MAX_EXTRA_CHARS) tail = `${tail.slice(0, MAX_EXTRA_CHARS)}…`;
  return `${date.toISOString()} ${level.toUpperCase().padEnd(5)} ${msg}${tail ? ` ${tail}` : ''}\n`;
}

/**
 * A tiny append-only file logger. Writes are synchronous so the last lines before a crash
 * are on disk; logging is rare enough that this costs nothing. It never throws: a full disk
 * must not take the app down with it.
 */
export function createFileLogger(file: string, opts: FileLoggerOptions = {}): Log {
  const { maxBytes = 5 * 1024 * 1024, echo = false, now = () => new Date() } = opts;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (fs.existsSync(file) && fs.statSync(file).size > maxBytes) fs.renameSync(file, `${file}.1`);
  } catch {
    // An unwritable log folder leaves logging disabled, not the app.
  }
  return (level, msg, extra) => {
    const line = formatLogLine(now(), level, msg, extra);
    if (echo) process.stderr.write(line);
    try {
      fs.appendFileSync(file, line);
    } catch {
      // See above.
    }
  };
}
