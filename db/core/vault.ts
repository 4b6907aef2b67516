import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  burnKdf,
  DEFAULT_KDF,
  type KdfParams,
  type KeySlot,
  type KeySlotFile,
  parseKeySlots,
  readKeySlots,
  unwrapKey,
  wrapKey,
  writeKeySlots,
} from './keyslots';

/**
 * The data folder's key material: one random database key, stored only wrapped, once per
 * account. Changing a passphrase rewrites one slot and never re-encrypts the database.
 */
export class Vault {
  readonly slotFile: string;
  readonly dbFile: string;
  readonly backupDir: string;

  constructor(
    readonly dataDir: string,
    private readonly kdf: KdfParams = DEFAULT_KDF,
  ) {
    this.slotFile = join(dataDir, 'keyslots.json');
    this.dbFile = join(dataDir, 'sunward.db');
    this.backupDir = join(dataDir, 'backups');
  }

  private slots(): KeySlotFile {
    return readKeySlots(this.slotFile) ?? { format: 1, slots: [] };
  }

  isSetUp(): boolean {
    return this.slots().slots.length > 0;
  }

  newDatabaseKey(): Buffer {
    return randomBytes(32);
  }

  /** The database key if `passphrase` opens `username`'s slot; null otherwise, in equal time. */
  async open(username: string, passphrase: string): Promise<{ key: Buffer; accountId: string } | null> {
    const slot = this.slots().slots.find((s) => s.username === username);
    if (!slot) {
      await burnKdf(passphrase, this.kdf);
      return null;
    }
    const key = await unwrapKey(slot, passphrase);
    return key ? { key, accountId: slot.accountId } : null;
  }

  async check(accountId: string, passphrase: string): Promise<boolean> {
    const slot = this.slots().slots.find((s) => s.accountId === accountId);
    if (!slot) return false;
    const key = await unwrapKey(slot, passphrase);
    key?.fill(0);
    return key !== null;
  }

  /** Wraps the key for an account, to be stored with `store` once the database write has committed. */
  async wrap(
    dbKey: Buffer,
    account: { accountId: string; username: string },
    passphrase: string,
  ): Promise<KeySlot> {
    return wrapKey(dbKey, account, passphrase, this.kdf);
  }

  /** Adds or replaces the account's slot. */
  store(slot: KeySlot): void {
    const file = this.slots();
    file.slots = [...file.slots.filter((s) => s.accountId !== slot.accountId), slot];
    writeKeySlots(this.slotFile, file);
  }

  remove(accountId: string): void {
    const file = this.slots();
    file.slots = file.slots.filter((s) => s.accountId !== accountId);
    writeKeySlots(this.slotFile, file);
  }

  /** The slot file as it is, for a backup to carry (wrapped keys only). */
  exportSlots(): string {
    return JSON.stringify(this.slots(), null, 2);
  }

  /**
   * The database key from a backup's slot file, if `passphrase` opens `username`'s slot
   * there; null otherwise, in equal time.
   */
  async openFrom(
    slotText: string,
    username: string,
    passphrase: string,
  ): Promise<{ key: Buffer; accountId: string } | null> {
    let file: KeySlotFile;
    try {
      file = parseKeySlots(slotText);
    } catch {
      return null;
    }
    const slot = file.slots.find((s) => s.username === username);
    if (!slot) {
      await burnKdf(passphrase, this.kdf);
      return null;
    }
    const key = await unwrapKey(slot, passphrase);
    return key ? { key, accountId: slot.accountId } : null;
  }

  /** Replaces the slot file with a backup's (a restore, or a new PC). */
  importSlots(slotText: string): void {
    writeKeySlots(this.slotFile, parseKeySlots(slotText));
  }
}
