import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  CredentialsKeyError,
  openSecret,
  parseCredentialsKey,
  sealSecret,
} from '../../src/soracom/credentials.js'

describe('stored SORACOM auth keys (AES-256-GCM under CREDENTIALS_KEY)', () => {
  const key = randomBytes(32)

  it('opens what it sealed, and never stores the secret in clear text', () => {
    const sealed = sealSecret('secret-xyz', key, 'OP0123456789:jp')

    expect(sealed).not.toContain('secret-xyz')
    expect(sealed.startsWith('v1.')).toBe(true)
    expect(openSecret(sealed, key, 'OP0123456789:jp')).toBe('secret-xyz')
  })

  it('seals the same secret differently each time (a fresh IV)', () => {
    expect(sealSecret('s', key, 'c')).not.toBe(sealSecret('s', key, 'c'))
  })

  it("refuses a wrong key, another link's context, or altered text", () => {
    const sealed = sealSecret('secret-xyz', key, 'OP0123456789:jp')
    expect(() => openSecret(sealed, randomBytes(32), 'OP0123456789:jp')).toThrow(CredentialsKeyError)
    expect(() => openSecret(sealed, key, 'OP0123456789:g')).toThrow(CredentialsKeyError)
    expect(() => openSecret(`${sealed.slice(0, -4)}AAAA`, key, 'OP0123456789:jp')).toThrow(
      CredentialsKeyError,
    )
  })

  it('accepts only 32 bytes of base64 as CREDENTIALS_KEY', () => {
    expect(parseCredentialsKey(randomBytes(32).toString('base64'))).toHaveLength(32)
    expect(() => parseCredentialsKey(randomBytes(16).toString('base64'))).toThrow(/32 random bytes/)
  })
})
