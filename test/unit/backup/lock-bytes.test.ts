// A backup of a database past 1 GiB (2 GB of attachments) reads the file through the bytes
// SQLite locks on Windows; those are never read, and carried as zeros.
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_BYTES_AT, readDbChunk } from '../../../db/backup/format';
import { makeDataDir } from '../../helpers/tmp';

describe('reading a live database file for a backup', () => {
  it('carries the 512 lock bytes at 1 GiB as zeros and every byte around them as it is', () => {
    // A sparse file: 1 GiB of nothing on disk, then marked bytes across the lock range.
    const file = path.join(makeDataDir('lockbytes'), 'sunward.db');
    const fd = openSync(file, 'w+');
    const around = Buffer.alloc(8192, 0xab);
    writeSync(fd, around, 0, around.length, LOCK_BYTES_AT - 4096);
    const buf = Buffer.alloc(8192);
    const chunk = readDbChunk(fd, buf, 8192, LOCK_BYTES_AT - 4096);
    closeSync(fd);
    expect(chunk.subarray(0, 4096).every((b) => b === 0xab)).toBe(true);
    expect(chunk.subarray(4096, 4096 + 512).every((b) => b === 0)).toBe(true);
    expect(chunk.subarray(4096 + 512).every((b) => b === 0xab)).toBe(true);
    // Below 1 GiB nothing is touched.
    const low = Buffer.alloc(16);
    const fd2 = openSync(file, 'r');
    expect(readDbChunk(fd2, low, 16, LOCK_BYTES_AT - 4096).every((b) => b === 0xab)).toBe(true);
    closeSync(fd2);
  });
});
