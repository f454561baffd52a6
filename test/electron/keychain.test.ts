import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { keychainCredentials } from '../../src/main/electron/keychain'
import { app, electronDouble, resetElectronDouble } from '../doubles/electron'

beforeEach(async () => {
  resetElectronDouble()
  await rm(app.getPath('userData'), { recursive: true, force: true })
})

describe('server passwords in the keychain', () => {
  it('keeps a sign-in encrypted by safeStorage in the user-data folder, and gives it back', async () => {
    const keychain = keychainCredentials()
    await keychain.save('https://desk.example', { user: 'dana', password: 's3cret-pw' })
    const kept = await readFile(join(app.getPath('userData'), 'server-sign-ins.json'), 'utf8')
    expect(kept).not.toContain('s3cret-pw')
    expect(await keychain.get('https://desk.example', 'dana')).toEqual({ user: 'dana', password: 's3cret-pw' })
    expect(await keychain.get('https://desk.example', 'sam')).toBeNull()
    expect(await keychainCredentials().get('https://other.example', 'dana')).toBeNull()
  })

  it('keeps nothing without a keychain, and asks again for what it cannot decrypt', async () => {
    electronDouble.encryptionAvailable = false
    await keychainCredentials().save('https://desk.example', { user: 'dana', password: 'pw' })
    await expect(readFile(join(app.getPath('userData'), 'server-sign-ins.json'), 'utf8')).rejects.toThrow()
    electronDouble.encryptionAvailable = true
    const { writeFile, mkdir } = await import('node:fs/promises')
    await mkdir(app.getPath('userData'), { recursive: true })
    await writeFile(join(app.getPath('userData'), 'server-sign-ins.json'), JSON.stringify({ 'https://desk.example\u0000dana': Buffer.from('not sealed').toString('base64') }))
    expect(await keychainCredentials().get('https://desk.example', 'dana')).toBeNull()
  })
})
