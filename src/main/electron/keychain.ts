// Desks' server passwords in the OS keychain: encrypted with Electron's safeStorage (Keychain, DPAPI, libsecret) and
// kept in the app's user-data folder, never in a workspace. Without a keychain nothing is kept: the app asks again.
import { app, safeStorage } from 'electron'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Credentials } from '../sync/credentials'
import type { SignIn } from '../sync/pouch'
import { writeFileDurably } from '../workspace/durable-write'

type Kept = Record<string, string>

const file = () => join(app.getPath('userData'), 'server-sign-ins.json')
const key = (server: string, user: string) => `${server}\u0000${user}`

async function readKept(): Promise<Kept> {
  try {
    const value = JSON.parse(await readFile(file(), 'utf8')) as unknown
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Kept) : {}
  } catch {
    return {}
  }
}

export function keychainCredentials(): Credentials {
  return {
    async get(server: string, user: string): Promise<SignIn | null> {
      if (!safeStorage.isEncryptionAvailable()) return null
      const sealed = (await readKept())[key(server, user)]
      if (typeof sealed !== 'string') return null
      try {
        return { user, password: safeStorage.decryptString(Buffer.from(sealed, 'base64')) }
      } catch {
        return null // sealed by another machine account or keychain: asked for again
      }
    },
    async save(server: string, signIn: SignIn): Promise<void> {
      if (!safeStorage.isEncryptionAvailable()) return
      const kept = await readKept()
      kept[key(server, signIn.user)] = safeStorage.encryptString(signIn.password).toString('base64')
      await mkdir(app.getPath('userData'), { recursive: true })
      await writeFileDurably(file(), JSON.stringify(kept))
    }
  }
}
