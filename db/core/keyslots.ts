import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

export interface KdfParams {
  N: number;
  r: number;
  p: number;
}

/** About 0.3 s and 128 MiB on an office PC: slow for a guesser, unnoticeable at sign-in. */
export const DEFAULT_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

/** One account's copy of the database key, wrapped by a key derived from its passphrase. */
export interface KeySlot {
  accountId: string;
  username: string;
  kdf: { name: 'scrypt'; salt: string } & KdfParams;
  cipher: 'aes-256-gcm';
  iv: string;
  tag: string;
  wrapped: string;
}

export interface KeySlotFile {
  format: 1;
  slots: KeySlot[];
}

async function deriveKey(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  return scrypt(passphrase.normalize('NFC'), salt, 32, {
    ...kdf,
    maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024,
  });
}

export async function wrapKey(
  dbKey: Buffer,
  account: { accountId: string; username: string },
  passphrase: string,
  kdf: KdfParams = DEFAULT_KDF,
): Promise<KeySlot> {
  const salt = randomBytes(16);
  const kek = await deriveKey(passphrase, salt, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  // The account id is bound as associated data, so a slot cannot be moved to another account.
  cipher.setAAD(Buffer.from(account.accountId, 'utf8'));
  const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  kek.fill(0);
  return {
    accountId: account.accountId,
    username: account.username,
    kdf: { name: 'scrypt', salt: salt.toString('base64'), ...kdf },
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

/** The database key, or null when the passphrase is wrong (the GCM tag does not verify). */
export async function unwrapKey(slot: KeySlot, passphrase: string): Promise<Buffer | null> {
  const { N, r, p } = slot.kdf;
  const kek = await deriveKey(passphrase, Buffer.from(slot.kdf.salt, 'base64'), { N, r, p });
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(Buffer.from(slot.accountId, 'utf8'));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

/** Spends the same time as a real unwrap, so an unknown username is not told apart by timing. */
export async function burnKdf(passphrase: string, kdf: KdfParams = DEFAULT_KDF): Promise<void> {
  (await deriveKey(passphrase, randomBytes(16), kdf)).fill(0);
}

export function parseKeySlots(text: string): KeySlotFile {
  const parsed = JSON.parse(text) as KeySlotFile;
  if (parsed.format !== 1 || !Array.isArray(parsed.slots)) throw new Error('unknown key slot file format');
  return parsed;
}

export function readKeySlots(file: string): KeySlotFile | null {
  if (!existsSync(file)) return null;
  return parseKeySlots(readFileSync(file, 'utf8'));
}

/** Written to a temporary file, flushed, then renamed, so a crash leaves the old or the new file. */
export function writeKeySlots(file: string, data: KeySlotFile): void {
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(data, null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
