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
import { hash, pbkdf2Sync } from 'node:crypto';
import { LOCK_BYTES_AT } from './format';

const SALT_BYTES = 16;
const HMAC_BYTES = 64;
const SHA512_BLOCK = 128;
const HMAC_SALT_MASK = 0x3a;
const FAST_KDF_ITER = 2;
/** Failing page numbers kept for the log; the count goes on past them. */
const KEEP_BAD = 20;

export class PageMacs {
  /** (K ⊕ ipad) ‖ the page's bytes ‖ its number: the inner hash's whole input, page by page. */
  private inner: Buffer | null = null;
  /** (K ⊕ opad) ‖ the inner digest. */
  private outer: Buffer | null = null;
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
    // HMAC = H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ m)), each H one call of crypto.hash over a buffer
    // laid out once: a Hash object per page (createHmac, or copying an absorbed state) spends
    // as much in setting up as one call costs in all (1.1 GB of pages: about 0.25 s of CPU).
    this.inner = Buffer.alloc(SHA512_BLOCK + this.pageSize - HMAC_BYTES + 4);
    this.outer = Buffer.alloc(SHA512_BLOCK + HMAC_BYTES);
    hmacKey.copy(this.inner);
    hmacKey.copy(this.outer);
    hmacKey.fill(0);
    for (let i = 0; i < SHA512_BLOCK; i++) {
      this.inner[i] ^= 0x36;
      this.outer[i] ^= 0x5c;
    }
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
      this.checked++;
      if (at + ps > chunk.length) {
        this.fail(n);
        continue;
      }
      // Page 1's salt is not in its HMAC: its message starts 16 bytes on, and ends as early.
      const from = n === 1 ? SALT_BYTES : 0;
      const end = SHA512_BLOCK + ps - HMAC_BYTES - from;
      chunk.copy(inner, SHA512_BLOCK, at + from, at + ps - HMAC_BYTES);
      inner.writeUInt32LE(n, end);
      hash('sha512', inner.subarray(0, end + 4), 'buffer').copy(outer, SHA512_BLOCK);
      if (!hash('sha512', outer, 'buffer').equals(chunk.subarray(at + ps - HMAC_BYTES, at + ps)))
        this.fail(n);
    }
  }

  /** Wipes what the HMAC key left in memory, once every page has been fed. */
  wipe(): void {
    this.inner?.fill(0);
    this.outer?.fill(0);
    this.key.fill(0);
  }

  private fail(n: number): void {
    this.badCount++;
    if (this.bad.length < KEEP_BAD) this.bad.push(n);
  }
}
