// Setting up a shared article's database on the server: what a desk admin's sign-in may do (CouchDB lets only server
// admins create databases). Plain CouchDB HTTP calls; the replication itself is PouchDB's.
import { DESIGN_DOC_ID, designDoc, securityObject } from './design-doc'
import type { SignIn } from './pouch'
import { serverError } from './server-errors'

const TIMEOUT_MS = 30_000

async function call(server: string, path: string, signIn: SignIn, method: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${server}/${path}`, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${signIn.user}:${signIn.password}`).toString('base64')}`, 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    redirect: 'error',
    signal: AbortSignal.timeout(TIMEOUT_MS)
  })
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>
  return { status: response.status, json }
}

function failed(status: number, json: Record<string, unknown>): { status: number; reason: string } {
  return { status, reason: typeof json.reason === 'string' ? json.reason : '' }
}

/** Makes the database, its design document and its members; the database must not exist yet. */
export async function createSharedDatabase(server: string, database: string, signIn: SignIn, members: readonly string[]): Promise<void> {
  const where = { server, database, user: signIn.user }
  try {
    const made = await call(server, encodeURIComponent(database), signIn, 'PUT')
    if (made.status === 401 || made.status === 403) {
      throw serverError({ status: 403, reason: `${signIn.user} may not create shared articles there; a desk admin (a CouchDB server admin) shares them` }, where)
    }
    if (made.status !== 201 && made.status !== 202) throw serverError(failed(made.status, made.json), where)
    const security = await call(server, `${encodeURIComponent(database)}/_security`, signIn, 'PUT', securityObject(signIn.user, members))
    if (security.status !== 200) throw serverError(failed(security.status, security.json), where)
    const design = await call(server, `${encodeURIComponent(database)}/${DESIGN_DOC_ID}`, signIn, 'PUT', designDoc())
    if (design.status !== 201 && design.status !== 202) throw serverError(failed(design.status, design.json), where)
  } catch (error) {
    throw serverError(error, where)
  }
}

/** Whether the signed-in user can read the database (a member); throws the reason in words when not. */
export async function checkMembership(server: string, database: string, signIn: SignIn): Promise<void> {
  const where = { server, database, user: signIn.user }
  try {
    const { status, json } = await call(server, `${encodeURIComponent(database)}/${DESIGN_DOC_ID}`, signIn, 'GET')
    if (status === 200) return
    if (status === 404 && json.reason !== 'missing') throw serverError({ status: 404 }, where)
    if (status === 404) throw serverError({ status: 403, reason: 'it is not a Factmark shared article (it has no Factmark design document)' }, where)
    throw serverError(failed(status, json), where)
  } catch (error) {
    throw serverError(error, where)
  }
}

/** The shared articles the signed-in user can see, where the server lists databases to them (CouchDB 3: admins only). */
export async function listSharedDatabases(server: string, signIn: SignIn): Promise<string[] | null> {
  try {
    const response = await fetch(`${server}/_all_dbs`, {
      headers: { authorization: `Basic ${Buffer.from(`${signIn.user}:${signIn.password}`).toString('base64')}` },
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS)
    })
    if (!response.ok) return null
    const names = (await response.json()) as unknown
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string' && n.startsWith('factmark-')) : null
  } catch {
    return null
  }
}
