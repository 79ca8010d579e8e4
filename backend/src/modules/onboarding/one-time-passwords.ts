import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import * as argon2 from 'argon2';

/** No look-alikes (0/O, 1/l/I): the passwords are read off a sheet and typed by hand. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const LENGTH = 14;

/** 14 characters of a 56-letter alphabet from the system's CSPRNG: about 81 bits. */
export function generateOneTimePassword(): string {
  let out = '';
  for (let i = 0; i < LENGTH; i += 1) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/**
 * argon2id with 2 MiB of memory and one pass, for initial passwords only. A slow hash exists to make
 * guessing a human-chosen password from a stolen hash expensive; these are 81-bit random strings that
 * no guessing reaches at any cost setting, they must be changed at the first login (the new password
 * is hashed with the library's defaults), and a region's 3,500 of them must hash within seconds on two
 * cores (the defaults cost ~0.3 s each here: 20 minutes). argon2.verify reads the parameters from the
 * hash, so login needs nothing special.
 */
export const ONE_TIME_PASSWORD_HASH: argon2.Options = {
  type: argon2.argon2id,
  memoryCost: 2048,
  timeCost: 1,
  parallelism: 1,
};

/** Hashes on the libuv thread pool, a few at a time, keeping the order. */
export async function hashOneTimePasswords(passwords: string[], concurrency = 8): Promise<string[]> {
  const hashes = new Array<string>(passwords.length);
  let next = 0;
  const worker = async () => {
    while (next < passwords.length) {
      const i = next;
      next += 1;
      hashes[i] = await argon2.hash(passwords[i], ONE_TIME_PASSWORD_HASH);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, passwords.length) }, worker));
  return hashes;
}

/**
 * The passwords sheet waits for its one download encrypted (AES-256-GCM) with a key derived from the
 * server's secret and the import's id: a copy of the database alone does not reveal it, and the
 * download erases it.
 */
function keyFor(secret: string, importId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, importId, 'dutylist onboarding initial passwords', 32));
}

export function sealPasswords(secret: string, importId: string, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, importId), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function openPasswords(secret: string, importId: string, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, importId), sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}
