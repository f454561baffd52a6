// What went wrong talking to a desk's server, in words: every failure of the sync says one of these.
import { FactmarkError } from '../../core/errors'

interface HttpishError {
  status?: number
  name?: string
  message?: string
  reason?: string
  code?: string
  cause?: { code?: string }
}

/** The sentence for a failed request or replication, and whether it is the network (offline) or the server saying no. */
export function serverProblem(error: unknown, where: { server: string; database?: string; user?: string }): { offline: boolean; message: string } {
  const e = (error ?? {}) as HttpishError
  const host = shortServer(where.server)
  const db = where.database ? ` (${where.database.slice(0, 120)})` : ''
  // pouch.ts answers an unreachable server as a 503 with this error, the connection's code as the reason.
  if ((e as { error?: string }).error === 'factmark-unreachable' || e.name === 'factmark-unreachable') e.code = e.reason
  const code = e.code ?? e.cause?.code ?? (/\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN)\b/.exec(e.message ?? '')?.[1] ?? '')
  if (code || (!e.status && /fetch failed|request to .* failed|network|socket|abort/i.test(e.message ?? ''))) {
    const why = code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'no server by that name was found' : code === 'ETIMEDOUT' ? 'it did not answer in time' : 'it could not be reached'
    return { offline: true, message: `Could not reach the server ${host}: ${why}.` }
  }
  const status = e.status ?? 0
  const said = (e.reason ?? e.message ?? '').slice(0, 200)
  if ((status === 401 || status === 403) && /access this db|not a member/i.test(said)) return { offline: false, message: `${where.user ?? 'You'} is not a member of this shared article${db} on ${host}.` }
  if (status === 401) return { offline: false, message: `The server ${host} did not accept the sign-in${where.user ? ` of ${where.user}` : ''}: check the user name and password.` }
  if (status === 403) return { offline: false, message: `The server ${host} refused${db}: ${said || 'you are not allowed to do that'}.` }
  if (status === 404) return { offline: false, message: `There is no shared article${db} on ${host}.` }
  if (status === 412) return { offline: false, message: `There is already a database${db} on ${host}.` }
  if (status >= 500) return { offline: true, message: `The server ${host} failed (${said || `status ${status}`}); Factmark tries again.` }
  return { offline: false, message: `The server ${host} refused${db}${said ? `: ${said}` : ''}.` }
}

export function serverError(error: unknown, where: { server: string; database?: string; user?: string }): FactmarkError {
  if (error instanceof FactmarkError) return error
  const { offline, message } = serverProblem(error, where)
  return new FactmarkError(offline ? 'io' : 'forbidden', message)
}

function shortServer(server: string): string {
  try {
    return new URL(server).host
  } catch {
    return server.slice(0, 80)
  }
}
