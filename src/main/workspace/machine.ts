import { hostname, userInfo } from 'node:os'

/** A machine account: the host and the operating-system user. Replicas and identities belong to one. */
export interface Machine {
  host: string
  user: string
}

export function thisMachine(): Machine {
  let user = process.env.USER || process.env.USERNAME || 'user'
  try {
    user = userInfo().username || user
  } catch {
    /* no passwd entry (some containers): the environment's name will do */
  }
  return { host: hostname() || 'host', user }
}

/** A file-name-safe, readable, unique name for a machine account ("laptop-ana-1x2y3z"). */
export function machineSlug({ host, user }: Machine): string {
  const part = (s: string) => s.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'x'
  // Names that slug alike ("Ana" and "ana", or non-Latin names) still get their own file.
  let hash = 0x811c9dc5
  for (const char of `${host}\u0000${user}`) {
    hash ^= char.codePointAt(0)!
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return `${part(host)}-${part(user)}-${hash.toString(36)}`
}
