import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { OperatorLink } from '../../src/domain/soracom-link.js'
import { CredentialsKeyError } from '../../src/soracom/credentials.js'
import { SoracomGateway } from '../../src/soracom/gateway.js'

const URLS = { jpUrl: 'http://127.0.0.1:9/v1', globalUrl: 'http://127.0.0.1:9/v1' }
const KEY = { authKeyId: 'keyId-rotate', authKey: 'secret-rotate' }

function linkSealedWith(key: Buffer, operatorId = 'OP0123456789'): OperatorLink {
  const target = { operatorId, coverage: 'jp' as const }
  return {
    ...target,
    credentials: new SoracomGateway({ ...URLS, credentialsKey: key }).seal(target, KEY),
    alertChannel: 'C0BILLING',
    linkedBy: 'U0ADMIN',
    linkedAt: '2026-11-01T00:00:00.000Z',
  }
}

describe('SoracomGateway.checkKeys (start-up)', () => {
  const oldKey = randomBytes(32)
  const newKey = randomBytes(32)

  it('opens keys sealed with CREDENTIALS_KEY and has nothing to seal again', () => {
    const gateway = new SoracomGateway({ ...URLS, credentialsKey: newKey })
    expect(gateway.checkKeys([linkSealedWith(newKey)])).toEqual([])
  })

  it('seals again with CREDENTIALS_KEY what only CREDENTIALS_KEY_PREVIOUS opens, leaving the rest', () => {
    const stale = linkSealedWith(oldKey, 'OP0000000001')
    const current = linkSealedWith(newKey, 'OP0000000002')
    const gateway = new SoracomGateway({ ...URLS, credentialsKey: newKey, previousCredentialsKey: oldKey })

    const resealed = gateway.checkKeys([stale, current])

    expect(resealed.map((l) => l.operatorId)).toEqual(['OP0000000001'])
    const [link] = resealed
    if (!link) throw new Error('nothing resealed')
    expect(link.credentials).not.toBe(stale.credentials)
    expect(link.credentials).not.toContain(KEY.authKey)
    expect({ ...link, credentials: stale.credentials }).toEqual(stale)
    // The new seal opens with the new key alone: the old one can be dropped.
    expect(new SoracomGateway({ ...URLS, credentialsKey: newKey }).checkKeys([link])).toEqual([])
    expect(() => new SoracomGateway({ ...URLS, credentialsKey: oldKey }).checkKeys([link])).toThrow(
      CredentialsKeyError,
    )
  })

  it('stops when neither key opens a stored credential, naming the link', () => {
    const gateway = new SoracomGateway({
      ...URLS,
      credentialsKey: newKey,
      previousCredentialsKey: randomBytes(32),
    })
    expect(() => gateway.checkKeys([linkSealedWith(oldKey)])).toThrow(
      /OP0123456789\/jp opens with neither CREDENTIALS_KEY nor CREDENTIALS_KEY_PREVIOUS/,
    )
  })

  it('stops without CREDENTIALS_KEY when a credential is stored', () => {
    expect(() => new SoracomGateway(URLS).checkKeys([linkSealedWith(oldKey)])).toThrow(
      /CREDENTIALS_KEY is not set/,
    )
  })
})
