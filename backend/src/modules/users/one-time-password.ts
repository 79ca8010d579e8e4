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

export interface OneTimeCredentials {
  password: string;
  hash: string;
}

/** A fresh one-time password and its argon2 hash (the clear text is shown once and never stored). */
export async function newOneTimeCredentials(): Promise<OneTimeCredentials> {
  const password = generateOneTimePassword();
  return { password, hash: await argon2.hash(password) };
}
