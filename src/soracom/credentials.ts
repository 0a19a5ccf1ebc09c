import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { CodedError } from '../errors.js'

/** The stored auth key cannot be read with this CREDENTIALS_KEY (missing, wrong, or the data altered). */
export class CredentialsKeyError extends CodedError {
  override name = 'CredentialsKeyError' as const
  readonly code = 'credentials_key'
}

/** CREDENTIALS_KEY: 32 random bytes, base64 (`openssl rand -base64 32`). */
export function parseCredentialsKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64')
  if (key.length !== 32) {
    throw new CredentialsKeyError(
      'CREDENTIALS_KEY must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)',
    )
  }
  return key
}

/**
 * Seals a SAM auth key for the data file with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64
 * parts, a fresh 12-byte IV each time. `context` (the operator and coverage) is bound as
 * additional data, so a sealed key copied onto another link does not open.
 */
export function sealSecret(plain: string, key: Buffer, context: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(context, 'utf8'))
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [
    'v1',
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    sealed.toString('base64'),
  ].join('.')
}

/** Opens what `sealSecret` sealed; a wrong key, context or altered text throws CredentialsKeyError. */
export function openSecret(sealed: string, key: Buffer, context: string): string {
  const [version, iv, tag, data] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || data === undefined) {
    throw new CredentialsKeyError('A stored SORACOM credential is not in a format this bot reads')
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'))
    decipher.setAAD(Buffer.from(context, 'utf8'))
    decipher.setAuthTag(Buffer.from(tag, 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8')
  } catch (error) {
    throw new CredentialsKeyError(
      'A stored SORACOM credential cannot be opened with CREDENTIALS_KEY: set the key it was stored with (to rotate: the new key in CREDENTIALS_KEY, the old in CREDENTIALS_KEY_PREVIOUS)',
      { cause: error },
    )
  }
}
