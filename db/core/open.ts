import Database from 'better-sqlite3';
import { ApiError } from '../api/errors';
import { t } from '../i18n';
import { WAL_AUTOCHECKPOINT_PAGES } from './checkpoint';

const HEX = '0123456789abcdef';

/**
 * SQLCipher's raw-key literal `x'…'` built in a buffer, never as a string: a JS string cannot
 * be wiped, a buffer can, and is, as soon as SQLCipher has taken the key.
 */
function rawKeyLiteral(key: Buffer): Buffer {
  const literal = Buffer.alloc(3 + key.length * 2);
  literal[0] = 0x78; // x
  literal[1] = 0x27; // '
  for (let i = 0; i < key.length; i++) {
    literal[2 + 2 * i] = HEX.charCodeAt(key[i] >> 4);
    literal[3 + 2 * i] = HEX.charCodeAt(key[i] & 15);
  }
  literal[literal.length - 1] = 0x27;
  return literal;
}

/**
 * Re-encrypts the whole file under `next` (更换数据库密钥). SQLCipher rekeys only outside WAL
 * mode, so the WAL is folded in first and WAL mode comes back after. The rekey runs in one
 * SQLite transaction with a rollback journal: a crash leaves the file under one key or the other.
 */
export function rekeyDatabase(raw: Database.Database, next: Buffer): void {
  if (next.length !== 32) throw new Error('database key must be 32 bytes');
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.pragma('journal_mode = DELETE');
  const literal = rawKeyLiteral(next);
  try {
    raw.rekey(literal);
  } finally {
    literal.fill(0);
    raw.pragma('journal_mode = WAL');
  }
}

/**
 * Opens the encrypted database file. The key must be set before anything else touches the
 * file; the first read proves the key, so a wrong key fails here and not in a handler.
 */
export function openEncrypted(file: string, key: Buffer, opts: { create: boolean }): Database.Database {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  const raw = new Database(file, { fileMustExist: !opts.create });
  try {
    applyKey(raw, key);
  } catch (err) {
    raw.close();
    throw new ApiError('INTERNAL', t('errors.databaseUnreadable'), undefined, err);
  }
  raw.pragma('journal_mode = WAL');
  // FULL: a commit is on disk when the write returns (a crash loses no saved record).
  raw.pragma('synchronous = FULL');
  raw.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // Every page read from disk is decrypted; a cache that holds the hot tables of 100,000
  // children (about 128 MiB at most) keeps search and lists from decrypting the same pages.
  raw.pragma('cache_size = -131072');
  return raw;
}

/**
 * Sets the cipher and the key on a fresh connection and proves the key with one read.
 * Backups and their checks (db/backup) open copies the same way.
 */
export function applyKey(raw: Database.Database, key: Buffer): void {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  // SQLCipher 4 format, so the file can also be opened by standard SQLCipher tools.
  raw.pragma(`cipher = 'sqlcipher'`);
  raw.pragma('legacy = 4');
  // A raw key (x'…'): it is already 32 random bytes, so SQLCipher's PBKDF2 would only add
  // a quarter of a second to every opening and no protection.
  // Handed over in a buffer that is wiped as soon as SQLCipher has taken it.
  const literal = rawKeyLiteral(key);
  try {
    raw.key(literal);
  } finally {
    literal.fill(0);
  }
  raw.prepare('SELECT count(*) FROM sqlite_master').get();
}

/** Opens a database without a key, for the benchmark's plain-file comparison only. */
export function openPlain(file: string): Database.Database {
  const raw = new Database(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  raw.pragma('foreign_keys = ON');
  raw.pragma('cache_size = -131072');
  return raw;
}
