// Checks the HMAC that SQLCipher 4 keeps at the end of every page, on the bytes a backup copies,
// with node:crypto (OpenSSL's SHA-512). SQLite3 Multiple Ciphers checks the same HMAC as it
// reads a page, but with its own SHA-512 in C, which was two thirds of quick_check's time on
// the 100,000-children database (bench: 4.3 of 6.3 s CPU); here it costs about a third of that
// and runs on the bytes already in memory for the content hash.
//
// SQLCipher 4's page (legacy = 4, db/core/open.ts applyKey): the ciphertext, a 16-byte IV,
// then HMAC-SHA512 over ciphertext ‖ IV ‖ page number (4 bytes, little-endian). Page 1 begins
// with the file's 16-byte salt, which is not encrypted and not in the HMAC. The HMAC key comes
// from the database key by PBKDF2-HMAC-SHA512, 2 rounds, over the salt with every byte XOR 0x3a.
import { createHash, type Hash, pbkdf2Sync } from 'node:crypto';
import { LOCK_BYTES_AT } from './format';

const SALT_BYTES = 16;
const HMAC_BYTES = 64;
const SHA512_BLOCK = 128;
const HMAC_SALT_MASK = 0x3a;
const FAST_KDF_ITER = 2;
/** Failing page numbers kept for the log; the count goes on past them. */
const KEEP_BAD = 20;

export class PageMacs {
  private inner: Hash | null = null;
  private outer: Hash | null = null;
  private readonly pgno = Buffer.alloc(4);
  private readonly lockPage: number;
  checked = 0;
  badCount = 0;
  readonly bad: number[] = [];

  constructor(
    private readonly key: Buffer,
    readonly pageSize: number,
  ) {
    if (pageSize < 512 || pageSize % 512 !== 0) throw new Error(`page size ${pageSize}`);
    // SQLite never writes the page holding the lock bytes (format.ts readDbChunk copies it as zeros).
    this.lockPage = Math.floor(LOCK_BYTES_AT / pageSize) + 1;
    this.key = Buffer.from(key);
  }

  private start(salt: Buffer): void {
    const hmacKey = pbkdf2Sync(
      this.key,
      Buffer.from(salt.map((b) => b ^ HMAC_SALT_MASK)),
      FAST_KDF_ITER,
      this.key.length,
      'sha512',
    );
    this.key.fill(0);
    // HMAC = H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)): both pads absorbed once, each page copies the
    // states (createHmac per page spends more in setting up than in hashing 4 KiB).
    const padded = Buffer.alloc(SHA512_BLOCK);
    hmacKey.copy(padded);
    hmacKey.fill(0);
    const ipad = Buffer.from(padded.map((b) => b ^ 0x36));
    const opad = Buffer.from(padded.map((b) => b ^ 0x5c));
    padded.fill(0);
    this.inner = createHash('sha512').update(ipad);
    this.outer = createHash('sha512').update(opad);
    ipad.fill(0);
    opad.fill(0);
  }

  /**
   * Checks the whole pages of `chunk`, which starts at byte `position` of the database file
   * (chunks are page-aligned: a multiple of the page size from the file's start).
   */
  feed(chunk: Buffer, position: number): void {
    const ps = this.pageSize;
    if (position % ps !== 0) throw new Error('chunk not page-aligned');
    if (position === 0 && !this.inner) this.start(chunk.subarray(0, SALT_BYTES));
    const inner = this.inner;
    const outer = this.outer;
    if (!inner || !outer) throw new Error('the first page was not fed first');
    for (let at = 0; at < chunk.length; at += ps) {
      const n = (position + at) / ps + 1;
      if (n === this.lockPage) continue;
      const page = chunk.subarray(at, at + ps);
      this.checked++;
      if (page.length < ps) {
        this.fail(n);
        continue;
      }
      this.pgno.writeUInt32LE(n);
      const from = n === 1 ? SALT_BYTES : 0;
      const d = inner
        .copy()
        .update(page.subarray(from, ps - HMAC_BYTES))
        .update(this.pgno)
        .digest();
      const mac = outer.copy().update(d).digest();
      if (!mac.equals(page.subarray(ps - HMAC_BYTES))) this.fail(n);
    }
  }

  private fail(n: number): void {
    this.badCount++;
    if (this.bad.length < KEEP_BAD) this.bad.push(n);
  }
}
