import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  aadOf,
  accountPublicOf,
  box,
  DEFAULT_KDF,
  deriveKek,
  type KdfParams,
  newAccountKeyPair,
  newSigningKeyPair,
  seal,
  signingPublicOf,
  signWith,
  unbox,
  unseal,
  usernameTag,
  verifyWith,
} from './keyring';
import {
  type GrantName,
  type KeySlot,
  type KeySlotFile,
  parseKeySlots,
  readKeySlots,
  type SlotRole,
  writeKeySlots,
} from './keyslots';

/**
 * Which secrets an account's slot holds, by role. The counselling key follows the access policy's
 * rule for counselling text (counselling staff and administrators); the signing key is what makes
 * an administrator.
 */
export const GRANTS_BY_ROLE: Record<SlotRole, readonly GrantName[]> = {
  admin: ['db', 'counselling', 'signing'],
  counsellor: ['db', 'counselling'],
  supervisor: ['db'],
  caseworker: ['db'],
};

/** What an unlocked session holds. Every buffer is wiped when the session ends. */
export interface Secrets {
  db: Buffer;
  /** The current generation of the database key. */
  epoch: number;
  /** The counselling key's private half (X25519, PKCS#8), for accounts allowed to read counselling text. */
  counselling: Buffer | null;
  signing: Buffer | null;
  /** As pinned in the signed-in account's own slot, not as the file says. */
  signingPublicKey: string;
  /** As pinned: what counselling text is sealed to. */
  counsellingPublicKey: string;
}

export function wipeSecrets(s: Secrets | null | undefined): void {
  s?.db.fill(0);
  s?.counselling?.fill(0);
  s?.signing?.fill(0);
}

/** Secrets copied, so that a holder may wipe its copy without touching the session's. */
export function copySecrets(s: Secrets): Secrets {
  return {
    ...s,
    db: Buffer.from(s.db),
    counselling: s.counselling ? Buffer.from(s.counselling) : null,
    signing: s.signing ? Buffer.from(s.signing) : null,
  };
}

export type SlotWarning =
  /** The file's signing public key is not the one this account pinned: someone replaced it. */
  | 'signingKeyReplaced'
  /** A grant sealed to this account does not match what it pinned: someone sealed a key of their own. */
  | 'grantForged';

export interface OpenedSlot {
  accountId: string;
  role: SlotRole;
  /** The signature over the slot verifies under the signing key this account pinned. */
  signed: boolean;
  /** Database keys, newest generation first: a rotation cut short leaves two. */
  dbKeys: { epoch: number; key: Buffer }[];
  counselling: Buffer | null;
  signing: Buffer | null;
  signingPublicKey: string;
  counsellingPublicKey: string;
  warnings: SlotWarning[];
}

export interface SlotReport {
  accountId: string;
  role: SlotRole;
  signed: boolean;
}

function slotMessage(slot: Pick<KeySlot, 'accountId' | 'user' | 'role' | 'publicKey'>): Buffer {
  return aadOf('slot', slot.accountId, slot.user, slot.role, slot.publicKey);
}

function privateKeyAad(accountId: string, user: string, kdf: KeySlot['kdf']): Buffer {
  return aadOf('account-key', accountId, user, kdf.name, kdf.salt, kdf.N, kdf.r, kdf.p);
}

function grantAad(secret: GrantName, epoch: number, accountId: string): Buffer {
  return aadOf('grant', secret, epoch, accountId);
}

export interface SlotAccount {
  id: string;
  username: string;
  role: SlotRole;
}

/**
 * The data folder's key material (keyslots.json). Changing a passphrase rewrites one slot and
 * never re-encrypts the database; rotating the database key reaches every remaining account
 * through its public key, without anyone's passphrase.
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

  file(): KeySlotFile | null {
    return readKeySlots(this.slotFile);
  }

  isSetUp(): boolean {
    return (this.file()?.slots.length ?? 0) > 0;
  }

  /** A new studio: database, counselling and signing keys, and the first administrator's slot. */
  async createStudio(
    account: SlotAccount,
    passphrase: string,
  ): Promise<{ secrets: Secrets; file: KeySlotFile }> {
    const signing = newSigningKeyPair();
    const counselling = newAccountKeyPair();
    const secrets: Secrets = {
      db: randomBytes(32),
      epoch: 1,
      counselling: counselling.privateKey,
      signing: signing.privateKey,
      signingPublicKey: signing.publicKey,
      counsellingPublicKey: counselling.publicKey,
    };
    const file: KeySlotFile = {
      format: 2,
      usernameSalt: randomBytes(16).toString('base64'),
      signingPublicKey: signing.publicKey,
      epoch: 1,
      slots: [],
    };
    file.slots.push(await this.makeSlot(file, account, passphrase, secrets));
    return { secrets, file };
  }

  /**
   * A slot for `account` under `passphrase`, with the grants its role gets, signed by the
   * studio. Only an administrator's session holds the signing key, so only it can enrol.
   */
  async enrol(account: SlotAccount, passphrase: string, secrets: Secrets): Promise<KeySlot> {
    const file = this.file();
    if (!file) throw new Error('no key slot file');
    return this.makeSlot(file, account, passphrase, secrets);
  }

  private async makeSlot(
    file: KeySlotFile,
    account: SlotAccount,
    passphrase: string,
    secrets: Secrets,
  ): Promise<KeySlot> {
    if (!secrets.signing) throw new Error('enrolling an account needs the studio signing key');
    const user = usernameTag(file.usernameSalt, account.username);
    const kdf = { name: 'scrypt' as const, salt: randomBytes(16).toString('base64'), ...this.kdf };
    const kek = await deriveKek(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
    const pair = newAccountKeyPair();
    try {
      const grants = GRANTS_BY_ROLE[account.role].map((secret) => {
        const value =
          secret === 'db' ? secrets.db : secret === 'counselling' ? secrets.counselling : secrets.signing;
        if (!value) throw new Error(`granting ${secret} needs it in the session`);
        const epoch = secret === 'db' ? secrets.epoch : 0;
        return { secret, epoch, sealed: seal(value, pair.publicKey, grantAad(secret, epoch, account.id)) };
      });
      const slot: Omit<KeySlot, 'signature'> = {
        accountId: account.id,
        user,
        role: account.role,
        kdf,
        publicKey: pair.publicKey,
        privateKey: box(kek, pair.privateKey, privateKeyAad(account.id, user, kdf)),
        pin: box(
          kek,
          Buffer.from(
            JSON.stringify({
              signingPublicKey: secrets.signingPublicKey,
              counsellingPublicKey: secrets.counsellingPublicKey,
            }),
          ),
          aadOf('pin', account.id, user),
        ),
        grants,
      };
      return { ...slot, signature: signWith(secrets.signing, slotMessage(slot)) };
    } finally {
      kek.fill(0);
      pair.privateKey.fill(0);
    }
  }

  /** Spends the same time as a real unwrap, so an unknown username is not told apart by timing. */
  private async burn(passphrase: string): Promise<void> {
    (await deriveKek(passphrase, randomBytes(16), this.kdf)).fill(0);
  }

  /** The slot's secrets if `passphrase` opens `username`'s slot; null otherwise, in equal time. */
  async open(username: string, passphrase: string): Promise<OpenedSlot | null> {
    const file = this.file();
    const user = file ? usernameTag(file.usernameSalt, username) : '';
    const slot = file?.slots.find((s) => s.user === user);
    if (!file || !slot) {
      await this.burn(passphrase);
      return null;
    }
    return this.openSlot(file, slot, passphrase);
  }

  private async openSlot(file: KeySlotFile, slot: KeySlot, passphrase: string): Promise<OpenedSlot | null> {
    const kek = await deriveKek(passphrase, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
    let privateKey: Buffer | null = null;
    const opened: Buffer[] = [];
    try {
      privateKey = unbox(kek, slot.privateKey, privateKeyAad(slot.accountId, slot.user, slot.kdf));
      const pinText = privateKey ? unbox(kek, slot.pin, aadOf('pin', slot.accountId, slot.user)) : null;
      if (!privateKey || !pinText) return null;
      const pin = JSON.parse(pinText.toString('utf8')) as {
        signingPublicKey: string;
        counsellingPublicKey: string;
      };
      const warnings: SlotWarning[] = [];
      if (file.signingPublicKey !== pin.signingPublicKey) warnings.push('signingKeyReplaced');
      const grant = (g: KeySlot['grants'][number]) => {
        const value = unseal(
          g.sealed,
          privateKey as Buffer,
          slot.publicKey,
          grantAad(g.secret, g.epoch, slot.accountId),
        );
        if (value) opened.push(value);
        return value;
      };
      const dbKeys = slot.grants
        .filter((g) => g.secret === 'db')
        .sort((a, b) => b.epoch - a.epoch)
        .flatMap((g) => {
          const key = grant(g);
          return key ? [{ epoch: g.epoch, key }] : [];
        });
      let counselling = slot.grants.find((g) => g.secret === 'counselling');
      let counsellingKey = counselling ? grant(counselling) : null;
      if (counsellingKey && accountPublicOf(counsellingKey) !== pin.counsellingPublicKey) {
        counsellingKey = null;
        counselling = undefined;
        warnings.push('grantForged');
      }
      const signingGrant = slot.grants.find((g) => g.secret === 'signing');
      let signing = signingGrant ? grant(signingGrant) : null;
      if (signing && signingPublicOf(signing) !== pin.signingPublicKey) {
        signing = null;
        warnings.push('grantForged');
      }
      const result: OpenedSlot = {
        accountId: slot.accountId,
        role: slot.role,
        signed: verifyWith(pin.signingPublicKey, slotMessage(slot), slot.signature),
        dbKeys,
        counselling: counsellingKey,
        signing,
        signingPublicKey: pin.signingPublicKey,
        counsellingPublicKey: pin.counsellingPublicKey,
        warnings,
      };
      // What is handed out is kept; everything else opened here is wiped.
      const kept = new Set<Buffer>([
        ...dbKeys.map((k) => k.key),
        ...(counsellingKey ? [counsellingKey] : []),
        ...(signing ? [signing] : []),
      ]);
      for (const b of opened) if (!kept.has(b)) b.fill(0);
      return result;
    } catch {
      for (const b of opened) b.fill(0);
      return null;
    } finally {
      kek.fill(0);
      privateKey?.fill(0);
    }
  }

  /**
   * The current database key alone, for tools that open the file themselves (the seed generator,
   * the benchmark, tests): `{ key }`, or null when the passphrase does not open the slot.
   */
  async openDatabaseKey(
    username: string,
    passphrase: string,
  ): Promise<{ key: Buffer; accountId: string } | null> {
    const opened = await this.open(username, passphrase);
    if (!opened) return null;
    const [newest, ...older] = opened.dbKeys;
    for (const k of older) k.key.fill(0);
    opened.counselling?.fill(0);
    opened.signing?.fill(0);
    return newest ? { key: newest.key, accountId: opened.accountId } : null;
  }

  /** The account's slot under a new passphrase: same key pair, grants and signature. */
  async rewrap(accountId: string, current: string, next: string): Promise<KeySlot | null> {
    const file = this.file();
    const slot = file?.slots.find((s) => s.accountId === accountId);
    if (!file || !slot) return null;
    const oldKek = await deriveKek(current, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
    let privateKey: Buffer | null = null;
    let pin: Buffer | null = null;
    let newKek: Buffer | null = null;
    try {
      privateKey = unbox(oldKek, slot.privateKey, privateKeyAad(slot.accountId, slot.user, slot.kdf));
      pin = privateKey ? unbox(oldKek, slot.pin, aadOf('pin', slot.accountId, slot.user)) : null;
      if (!privateKey || !pin) return null;
      const kdf = { name: 'scrypt' as const, salt: randomBytes(16).toString('base64'), ...this.kdf };
      newKek = await deriveKek(next, Buffer.from(kdf.salt, 'base64'), kdf);
      return {
        ...slot,
        kdf,
        privateKey: box(newKek, privateKey, privateKeyAad(slot.accountId, slot.user, kdf)),
        pin: box(newKek, pin, aadOf('pin', slot.accountId, slot.user)),
      };
    } finally {
      oldKek.fill(0);
      newKek?.fill(0);
      privateKey?.fill(0);
      pin?.fill(0);
    }
  }

  /** Every slot's signature, checked under the signing key the signed-in account pinned. */
  report(signingPublicKey: string): SlotReport[] {
    return (this.file()?.slots ?? []).map((s) => ({
      accountId: s.accountId,
      role: s.role,
      signed: verifyWith(signingPublicKey, slotMessage(s), s.signature),
    }));
  }

  /** Adds or replaces the account's slot. */
  store(slot: KeySlot): void {
    const file = this.file();
    if (!file) throw new Error('no key slot file');
    file.slots = [...file.slots.filter((s) => s.accountId !== slot.accountId), slot];
    writeKeySlots(this.slotFile, file);
  }

  /** The first slot file of a studio, written once its database has committed. */
  create(file: KeySlotFile): void {
    writeKeySlots(this.slotFile, file);
  }

  /** The slot file as it is, for a backup to carry (wrapped keys only). */
  exportSlots(): string {
    return JSON.stringify(this.file(), null, 2);
  }

  /** A backup's slot file opened with an account's passphrase; null when it does not open, in equal time. */
  async openFrom(slotText: string, username: string, passphrase: string): Promise<OpenedSlot | null> {
    try {
      return await openSlotFileText(slotText, username, passphrase, this.kdf);
    } catch {
      await this.burn(passphrase);
      return null;
    }
  }

  /** Replaces the slot file with a backup's (a restore, or a new PC). */
  importSlots(slotText: string): void {
    writeKeySlots(this.slotFile, parseKeySlots(slotText));
  }

  remove(accountId: string): void {
    const file = this.file();
    if (!file) return;
    file.slots = file.slots.filter((s) => s.accountId !== accountId);
    writeKeySlots(this.slotFile, file);
  }

  /**
   * Step one of a rotation: every remaining slot gets the next database key sealed to it, beside
   * the current one, so a crash before the file is rekeyed still opens with the old key and one
   * after it with the new.
   */
  beginRotation(nextKey: Buffer, epoch: number): void {
    const file = this.file();
    if (!file) throw new Error('no key slot file');
    for (const slot of file.slots) {
      slot.grants = [
        ...slot.grants.filter((g) => !(g.secret === 'db' && g.epoch === epoch)),
        { secret: 'db', epoch, sealed: seal(nextKey, slot.publicKey, grantAad('db', epoch, slot.accountId)) },
      ];
    }
    writeKeySlots(this.slotFile, file);
  }

  /** Step two, once the database is rekeyed: older generations of the database key go. */
  finishRotation(epoch: number): void {
    const file = this.file();
    if (!file) throw new Error('no key slot file');
    file.epoch = epoch;
    for (const slot of file.slots)
      slot.grants = slot.grants.filter((g) => g.secret !== 'db' || g.epoch >= epoch);
    writeKeySlots(this.slotFile, file);
  }
}

export function wipeOpened(o: OpenedSlot): void {
  for (const k of o.dbKeys) k.key.fill(0);
  o.counselling?.fill(0);
  o.signing?.fill(0);
}

/** For a backup or a restore: the slot file inside it, opened with an account's passphrase. */
export async function openSlotFileText(
  text: string,
  username: string,
  passphrase: string,
  kdf: KdfParams = DEFAULT_KDF,
): Promise<OpenedSlot | null> {
  const file = parseKeySlots(text);
  const vault = new (class extends Vault {
    override file(): KeySlotFile {
      return file;
    }
  })('', kdf);
  return vault.open(username, passphrase);
}
