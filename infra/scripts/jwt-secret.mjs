// The token signing key of an installation, for `npm start`: JWT_SECRET when set, otherwise a random key
// generated once into .data/jwt-secret (mode 0600) and reused on every later start. Never printed.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Shortest key accepted (the backend's configuration refuses shorter ones too). */
export const MIN_SECRET_LENGTH = 16;

/**
 * @param {{ env?: NodeJS.ProcessEnv, dataDir: string }} options
 * @returns {{ secret: string, source: 'env' | 'created' | 'reused', file: string | null }}
 */
export function resolveJwtSecret({ env = process.env, dataDir }) {
  if (env.JWT_SECRET) {
    if (env.JWT_SECRET.length < MIN_SECRET_LENGTH) {
      throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    }
    return { secret: env.JWT_SECRET, source: 'env', file: null };
  }
  const file = path.join(dataDir, 'jwt-secret');
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx': created only if absent, so two starts racing keep one key.
    writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
    chmodSync(file, 0o600);
    return { secret: readSecret(file), source: 'created', file };
  } catch (err) {
    if (err?.code !== 'EEXIST') throw err;
  }
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) chmodSync(file, 0o600); // readable by others: tighten instead of trusting it silently
  return { secret: readSecret(file), source: 'reused', file };
}

function readSecret(file) {
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`${file} holds no usable key (shorter than ${MIN_SECRET_LENGTH}); delete it to generate a new one`);
  }
  return secret;
}
