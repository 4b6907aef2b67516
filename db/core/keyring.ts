// The cryptography behind the key slots (ARCHITECTURE §6), in one small file a reviewer can
// check: a passphrase-derived key that wraps each account's own key pair, secrets sealed to an
// account's public key (so an administrator can grant a key to a colleague without knowing
// their passphrase, and rotation can reach every remaining account), and the studio's signing
// key that vouches for each account's role. Node's built-in crypto only.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
  scrypt as scryptCb,
  sign,
  verify,
} from 'node:crypto';
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

/** AES-256-GCM output, base64 fields so the slot file stays JSON. */
export interface Boxed {
  iv: string;
  tag: string;
  data: string;
}

export async function deriveKek(passphrase: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  return scrypt(passphrase.normalize('NFC'), salt, 32, {
    ...kdf,
    maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024,
  });
}

export function box(key: Buffer, plain: Buffer, aad: Buffer): Boxed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** The plaintext, or null when the key or the associated data is not the one it was boxed with. */
export function unbox(key: Buffer, boxed: Boxed, aad: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(boxed.iv, 'base64'));
    decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(boxed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(boxed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** Associated data from parts that may not contain the separator's byte. */
export function aadOf(...parts: (string | number)[]): Buffer {
  return Buffer.from(parts.map(String).join('\u0000'), 'utf8');
}

// --- account key pairs (X25519) and sealed secrets -----------------------------------------

export interface AccountKeyPair {
  publicKey: string; // base64 SPKI DER
  privateKey: Buffer; // PKCS#8 DER: wipe after use
}

export function newAccountKeyPair(): AccountKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

/** The public half of an X25519 private key (to check that an unsealed key is the pinned one). */
export function accountPublicOf(privateKey: Buffer): string {
  return createPublicKey(createPrivateKey({ key: privateKey, format: 'der', type: 'pkcs8' }))
    .export({ format: 'der', type: 'spki' })
    .toString('base64');
}

/** A secret only the holder of `publicKey`'s private half can open. */
export interface Sealed extends Boxed {
  ephemeral: string;
}

function sealKey(shared: Buffer, ephemeral: string, recipient: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', shared, Buffer.from(ephemeral, 'base64'), `sunward-seal\u0000${recipient}`, 32),
  );
}

export function seal(secret: Buffer, publicKey: string, aad: Buffer): Sealed {
  const eph = generateKeyPairSync('x25519');
  const ephemeral = eph.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  const recipient = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: recipient });
  const key = sealKey(shared, ephemeral, publicKey);
  try {
    return { ephemeral, ...box(key, secret, aad) };
  } finally {
    shared.fill(0);
    key.fill(0);
  }
}

export function unseal(sealed: Sealed, privateKey: Buffer, publicKey: string, aad: Buffer): Buffer | null {
  const own = createPrivateKey({ key: privateKey, format: 'der', type: 'pkcs8' });
  const ephemeral = createPublicKey({
    key: Buffer.from(sealed.ephemeral, 'base64'),
    format: 'der',
    type: 'spki',
  });
  const shared = diffieHellman({ privateKey: own, publicKey: ephemeral });
  const key = sealKey(shared, sealed.ephemeral, publicKey);
  try {
    return unbox(key, sealed, aad);
  } finally {
    shared.fill(0);
    key.fill(0);
  }
}

// --- the studio's signing key (Ed25519) ----------------------------------------------------

export interface SigningKeyPair {
  publicKey: string; // base64 SPKI DER
  privateKey: Buffer; // PKCS#8 DER
}

export function newSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

function signingPrivate(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

export function signWith(privateKey: Buffer, message: Buffer): string {
  return sign(null, message, signingPrivate(privateKey)).toString('base64');
}

export function verifyWith(publicKey: string, message: Buffer, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, message, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** The public half of a signing key, to check that an unsealed private key is the studio's. */
export function signingPublicOf(privateKey: Buffer): string {
  return createPublicKey(signingPrivate(privateKey))
    .export({ format: 'der', type: 'spki' })
    .toString('base64');
}

// --- names ---------------------------------------------------------------------------------

/** The slot file names no user: a keyed hash finds the slot for a typed username. */
export function usernameTag(salt: string, username: string): string {
  return createHmac('sha256', Buffer.from(salt, 'base64'))
    .update(username.trim().toLowerCase().normalize('NFC'))
    .digest('hex');
}
