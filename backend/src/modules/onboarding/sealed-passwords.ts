import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

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
