import { randomInt } from 'node:crypto';
import * as argon2 from 'argon2';

/** Letters and digits that cannot be misread (no 0/O, 1/l/I). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/**
 * A one-time password from the system's cryptographic randomness: three groups of four (about 70 bits),
 * with an upper- and a lower-case letter and a digit, easy to read out on the phone: `Kq7m-Xp3T-wz9R`.
 */
export function generateOneTimePassword(): string {
  for (;;) {
    const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]);
    const text = chars.join('');
    if (/[A-Z]/.test(text) && /[a-z]/.test(text) && /[0-9]/.test(text)) {
      return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`;
    }
  }
}

/**
 * argon2id with 2 MiB of memory and one pass, for one-time passwords only. A slow hash exists to make
 * guessing a human-chosen password from a stolen hash expensive; these are ~70-bit random strings that
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

/** Hashes one-time passwords on the libuv thread pool, a few at a time, keeping the order. */
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

export interface OneTimeCredentials {
  password: string;
  hash: string;
}

/** A fresh one-time password and its argon2 hash (the clear text is shown once and never stored). */
export async function newOneTimeCredentials(): Promise<OneTimeCredentials> {
  const password = generateOneTimePassword();
  return { password, hash: await argon2.hash(password, ONE_TIME_PASSWORD_HASH) };
}
