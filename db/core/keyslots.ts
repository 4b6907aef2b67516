// keyslots.json: what is needed to open the database, one slot per account (ARCHITECTURE §6).
//
// A slot holds the account's own X25519 key pair, its private half wrapped by a key derived
// from the passphrase (scrypt), with the account id, the username's tag and the KDF parameters
// bound as associated data. Secrets reach an account sealed to its public key ("grants"): the
// database key for everyone, the counselling key for those the access policy lets read
// counselling text, the studio's signing key for administrators. Each slot's id, username tag,
// role and public key are signed with the studio's signing key, and each slot pins, under its
// own passphrase, the signing key's public half and the counselling key's check value, so a
// replaced key is noticed by every genuine account. No username is stored in clear.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { Boxed, KdfParams, Sealed } from './keyring';

export type { KdfParams } from './keyring';
export { DEFAULT_KDF } from './keyring';

export type SlotRole = 'admin' | 'supervisor' | 'caseworker' | 'counsellor';
export type GrantName = 'db' | 'counselling' | 'signing';

export interface Grant {
  secret: GrantName;
  /** Which generation of the secret: the database key's goes up at every rotation. */
  epoch: number;
  sealed: Sealed;
}

export interface KeySlot {
  accountId: string;
  /** HMAC of the username under the file's salt. */
  user: string;
  role: SlotRole;
  kdf: { name: 'scrypt'; salt: string } & KdfParams;
  publicKey: string;
  privateKey: Boxed;
  /** Under the passphrase: the studio signing key's public half and the counselling key's check. */
  pin: Boxed;
  grants: Grant[];
  /** The studio's signature over id, username tag, role and public key. */
  signature: string;
}

export interface KeySlotFile {
  format: 2;
  usernameSalt: string;
  signingPublicKey: string;
  /** The database key's current generation. */
  epoch: number;
  slots: KeySlot[];
}

export class SlotFileFormatError extends Error {}

export function parseKeySlots(text: string): KeySlotFile {
  const parsed = JSON.parse(text) as { format?: unknown; slots?: unknown };
  if (parsed.format === 1) {
    throw new SlotFileFormatError('key slot file format 1 (a development build before 0.2) is not supported');
  }
  if (parsed.format !== 2 || !Array.isArray(parsed.slots))
    throw new SlotFileFormatError('unknown key slot file format');
  return parsed as KeySlotFile;
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
