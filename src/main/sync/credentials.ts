// Where the password for a desk's server comes from: the system's keychain in the app (electron/credentials.ts), the
// environment in the CLI, memory in tests. Never the workspace.
import type { SignIn } from './pouch'

export interface Credentials {
  /** The sign-in kept for this server and user, or null. */
  get(server: string, user: string): Promise<SignIn | null>
  /** Keeps a sign-in that worked (the app: encrypted by the OS); a store that cannot keep one forgets it. */
  save(server: string, signIn: SignIn): Promise<void>
}

/** The CLI's: FACTMARK_SERVER_USER and FACTMARK_SERVER_PASSWORD, for any server. */
export function environmentCredentials(env: NodeJS.ProcessEnv): Credentials & { user: string | undefined } {
  const user = env.FACTMARK_SERVER_USER?.trim() || undefined
  const password = env.FACTMARK_SERVER_PASSWORD
  return {
    user,
    get: async (_server, wanted) => (user && password && (!wanted || wanted === user) ? { user, password } : null),
    save: async () => {}
  }
}

/** Kept in memory for the life of the process (tests, and the e2e fixture's Chromium mode). */
export function memoryCredentials(): Credentials {
  const kept = new Map<string, SignIn>()
  return {
    get: async (server, user) => kept.get(`${server}\u0000${user}`) ?? null,
    save: async (server, signIn) => void kept.set(`${server}\u0000${signIn.user}`, signIn)
  }
}
