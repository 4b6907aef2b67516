// The backup container: one self-contained file (README "备份文件格式").
//
//   offset  size  field
//   0       8     magic "SWBACKUP"
//   8       2     format version (uint16 BE), 2 (1 still read)
//   10      4     manifest length M (uint32 BE)
//   14      4     key slot file length K (uint32 BE)
//   18      8     database length D (uint64 BE)
//   26      M     manifest, UTF-8 JSON (readable without a key, so a restore can show it first)
//   26+M    K     keyslots.json as it was, UTF-8 (only wrapped keys)
//   26+M+K  D     the database file, still encrypted under the database key
//   end-32  32    format 2: SHA-256 of every byte before the database (header, manifest, slots);
//                 format 1: SHA-256 of every byte before the trailer
//
// The manifest's contentSha256 covers key slots + database, and the trailer covers the
// manifest, so a cut (a truncated copy on a USB stick) or a flipped byte anywhere is found
// without the key. Format 2's trailer leaves out the database because the content hash already
// covers it: format 1 hashed every byte of the database twice (once for the manifest, once for
// the trailer, a second read of the whole container), which told nothing the first did not.
// Neither hash is a signature: whoever holds the key can forge a backup, which is why
// verification also walks the audit chain inside.
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import type { PageMacs } from './pages';

export const BACKUP_MAGIC = Buffer.from('SWBACKUP', 'ascii');
/** The format written; readLayout also reads format 1 (its trailer covers the whole file). */
export const BACKUP_FORMAT = 2;
const FORMATS_READ = [1, 2] as const;
export const HEADER_BYTES = 26;
export const TRAILER_BYTES = 32;
export const BACKUP_EXT = '.swbak';
/** The extension without its dot, for file dialogs. */
export const BACKUP_EXTENSION_NAME = 'swbak';
/** A container being written; never listed, never counted, removed by the next run. */
export const PARTIAL_SUFFIX = '.partial';
const MAX_MANIFEST = 1024 * 1024;
const MAX_SLOTS = 16 * 1024 * 1024;
/**
 * Bytes read, hashed and written at a time. 1 MiB, not 4: a chunk that stays in the CPU's cache
 * from the read to the write cost a fifth of the kernel's time (1.1 GB copied and hashed: about
 * 0.4 s of system time against 2.2–2.9 s with 4 MiB, on the bench machine).
 */
export const CHUNK = 1024 * 1024;

export type BackupTrigger = 'daily' | 'quit' | 'manual';

export interface BackupManifest {
  /** The container's format version, as in its header. */
  format: 1 | 2;
  app: { name: 'sunward'; version: string };
  /** PRAGMA user_version: the number of migrations applied. */
  schemaVersion: number;
  createdAt: number;
  createdBy: { id: string; name: string };
  trigger: BackupTrigger;
  /** Rows per table, as found in the copy. */
  counts: Record<string, number>;
  /** The audit log's head in the copy: the anchor a later chain must still contain. */
  audit: { seq: number; hash: string };
  dbBytes: number;
  slotBytes: number;
  contentSha256: string;
}

export class BackupFormatError extends Error {
  constructor(readonly reason: 'notBackup' | 'unknownFormat' | 'truncated' | 'altered') {
    super(reason);
    this.name = 'BackupFormatError';
  }
}

function header(manifestLen: number, slotsLen: number, dbLen: number): Buffer {
  const h = Buffer.alloc(HEADER_BYTES);
  BACKUP_MAGIC.copy(h, 0);
  h.writeUInt16BE(BACKUP_FORMAT, 8);
  h.writeUInt32BE(manifestLen, 10);
  h.writeUInt32BE(slotsLen, 14);
  h.writeBigUInt64BE(BigInt(dbLen), 18);
  return h;
}

function readExactly(fd: number, length: number, position: number, into?: Buffer): Buffer {
  const buf = into ? into.subarray(0, length) : Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new BackupFormatError('truncated');
    done += n;
  }
  return buf;
}

/** Streams `length` bytes of `fd` from `position` through `sink`, in bounded chunks. */
function pump(
  fd: number,
  position: number,
  length: number,
  sink: (chunk: Buffer) => void,
  onDone?: (done: number) => void,
): void {
  const buf = Buffer.alloc(Math.min(CHUNK, Math.max(length, 1)));
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, length - done), position + done);
    if (n === 0) throw new BackupFormatError('truncated');
    sink(buf.subarray(0, n));
    done += n;
    onDone?.(done);
  }
}

function writeAll(fd: number, data: Buffer, hashes: Hash[]): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done);
  for (const h of hashes) h.update(data);
}

/**
 * The bytes SQLite locks on Windows (PENDING_BYTE 0x40000000 and the 511 after it). They lie in
 * the lock-byte page, which SQLite never reads or writes as data; on Windows a read of them can
 * fail while another handle holds the lock for a moment. The copy carries zeros there instead.
 */
export const LOCK_BYTES_AT = 0x40000000;
const LOCK_BYTES = 512;

/** Reads `length` bytes of a live database file at `position`, the lock bytes as zeros. */
export function readDbChunk(fd: number, buf: Buffer, length: number, position: number): Buffer {
  const chunk = buf.subarray(0, length);
  let done = 0;
  while (done < length) {
    const at = position + done;
    if (at >= LOCK_BYTES_AT && at < LOCK_BYTES_AT + LOCK_BYTES) {
      const skip = Math.min(LOCK_BYTES_AT + LOCK_BYTES - at, length - done);
      chunk.fill(0, done, done + skip);
      done += skip;
      continue;
    }
    const upTo = at < LOCK_BYTES_AT ? Math.min(length - done, LOCK_BYTES_AT - at) : length - done;
    const n = readSync(fd, chunk, done, upTo, at);
    if (n === 0) throw new BackupFormatError('truncated');
    done += n;
  }
  return chunk;
}

function writeAt(fd: number, data: Buffer, position: number): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done, position + done);
}

/** Where a container's writing has got to: bytes of the database copied, then checked back. */
export type WriteProgress = (step: 'copy' | 'write', done: number, total: number) => void;

/**
 * Writes a container to `target` (a temporary name: the caller renames it once verified) from
 * the database file `dbFile`, which must hold still meanwhile (a copy of ours, or the live file
 * held still by a reader: copy.ts `holdStill`). The database is read through: each chunk is hashed
 * and written to its place in the container. The manifest, whose content hash is known only
 * then, has a fixed length (the hash is 64 hex digits either way), so its place is known from
 * the start. Every chunk is read back as soon as it is written and must be byte for byte what
 * was read, and so must the prefix (header, manifest, slots), whose hash is the trailer: the
 * database is read once and hashed once.
 * With `pages`, every page's HMAC is checked on the bytes as they are copied (pages.ts); the
 * caller reads the result from it.
 */
export function writeContainer(
  target: string,
  manifest: Omit<BackupManifest, 'format' | 'dbBytes' | 'slotBytes' | 'contentSha256'>,
  slots: Buffer,
  dbFile: string,
  onProgress?: WriteProgress,
  pages?: PageMacs,
  /** false: the caller flushes the file itself before it counts (copy.ts, beside the check). */
  flush = true,
): BackupManifest {
  const dbFd = openSync(dbFile, 'r');
  const out = openSync(target, 'wx+', 0o600);
  try {
    const dbBytes = fstatSync(dbFd).size;
    const draft: BackupManifest = {
      ...manifest,
      format: BACKUP_FORMAT,
      dbBytes,
      slotBytes: slots.length,
      contentSha256: '0'.repeat(64),
    };
    const manifestLength = Buffer.byteLength(JSON.stringify(draft), 'utf8');
    const dbOffset = HEADER_BYTES + manifestLength + slots.length;

    const content = createHash('sha256').update(slots);
    const buf = Buffer.alloc(Math.min(CHUNK, Math.max(dbBytes, 1)));
    const readBack = Buffer.alloc(buf.length);
    for (let pos = 0; pos < dbBytes; ) {
      const chunk = readDbChunk(dbFd, buf, Math.min(buf.length, dbBytes - pos), pos);
      content.update(chunk);
      pages?.feed(chunk, pos);
      writeAt(out, chunk, dbOffset + pos);
      // What landed must be byte for byte what was read. Compared now, while the chunk is still
      // in the CPU's cache, rather than reading the held file a second time after the copy
      // (1.2 GB more through the kernel at 100,000 children).
      if (!readExactly(out, chunk.length, dbOffset + pos, readBack).equals(chunk))
        throw new BackupFormatError('altered');
      pos += chunk.length;
      onProgress?.('copy', pos, dbBytes);
    }
    const full: BackupManifest = { ...draft, contentSha256: content.digest('hex') };
    const manifestBytes = Buffer.from(JSON.stringify(full), 'utf8');
    if (manifestBytes.length !== manifestLength) throw new Error('manifest length changed');
    const prefix = Buffer.concat([header(manifestBytes.length, slots.length, dbBytes), manifestBytes, slots]);
    writeAt(out, prefix, 0);
    // What landed of the prefix must be what was written (the database part was compared chunk
    // by chunk above); the trailer is the hash of those bytes.
    onProgress?.('write', 0, dbBytes);
    const back = readExactly(out, dbOffset, 0);
    if (!back.equals(prefix)) throw new BackupFormatError('altered');
    writeAt(out, createHash('sha256').update(back).digest(), dbOffset + dbBytes);
    onProgress?.('write', dbBytes, dbBytes);
    if (flush) fsyncSync(out);
    return full;
  } finally {
    closeSync(out);
    closeSync(dbFd);
  }
}

export interface ContainerLayout {
  manifest: BackupManifest;
  slots: Buffer;
  dbOffset: number;
  dbBytes: number;
  fileBytes: number;
}

/** Reads the header, manifest and key slots; checks lengths, not hashes. Cheap: for lists. */
export function readLayout(file: string): ContainerLayout {
  const fd = openSync(file, 'r');
  try {
    const fileBytes = fstatSync(fd).size;
    if (fileBytes < HEADER_BYTES) throw new BackupFormatError('notBackup');
    const h = readExactly(fd, HEADER_BYTES, 0);
    if (!h.subarray(0, 8).equals(BACKUP_MAGIC)) throw new BackupFormatError('notBackup');
    const format = h.readUInt16BE(8);
    if (!(FORMATS_READ as readonly number[]).includes(format)) throw new BackupFormatError('unknownFormat');
    const manifestLen = h.readUInt32BE(10);
    const slotsLen = h.readUInt32BE(14);
    const dbBytes = Number(h.readBigUInt64BE(18));
    if (manifestLen > MAX_MANIFEST || slotsLen > MAX_SLOTS) throw new BackupFormatError('altered');
    const expected = HEADER_BYTES + manifestLen + slotsLen + dbBytes + TRAILER_BYTES;
    if (fileBytes < expected) throw new BackupFormatError('truncated');
    if (fileBytes > expected) throw new BackupFormatError('altered');
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(readExactly(fd, manifestLen, HEADER_BYTES).toString('utf8')) as BackupManifest;
    } catch {
      throw new BackupFormatError('altered');
    }
    if (manifest.format !== format || manifest.dbBytes !== dbBytes || manifest.slotBytes !== slotsLen)
      throw new BackupFormatError('altered');
    const slots = readExactly(fd, slotsLen, HEADER_BYTES + manifestLen);
    return { manifest, slots, dbOffset: HEADER_BYTES + manifestLen + slotsLen, dbBytes, fileBytes };
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks both hashes over the whole file. With `extractTo`, also writes the database part
 * there (still encrypted), so it can be opened; the file is flushed before this returns.
 */
export function checkContainer(file: string, extractTo?: string): ContainerLayout {
  const layout = readLayout(file);
  const fd = openSync(file, 'r');
  const out = extractTo ? openSync(extractTo, 'wx', 0o600) : null;
  try {
    const whole = createHash('sha256');
    const content = createHash('sha256');
    pump(fd, 0, layout.dbOffset, (c) => whole.update(c));
    content.update(layout.slots);
    const alsoWhole = layout.manifest.format === 1;
    pump(fd, layout.dbOffset, layout.dbBytes, (c) => {
      if (alsoWhole) whole.update(c);
      content.update(c);
      if (out !== null) writeAll(out, c, []);
    });
    const trailer = readExactly(fd, TRAILER_BYTES, layout.dbOffset + layout.dbBytes);
    if (!whole.digest().equals(trailer)) throw new BackupFormatError('altered');
    if (content.digest('hex') !== layout.manifest.contentSha256) throw new BackupFormatError('altered');
    if (out !== null) fsyncSync(out);
    return layout;
  } finally {
    closeSync(fd);
    if (out !== null) closeSync(out);
  }
}
