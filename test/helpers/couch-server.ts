// A CouchDB-compatible server in this process, on 127.0.0.1: express-pouchdb over in-memory PouchDB, with a server
// admin, users and per-database security as on CouchDB. It can be stopped and started again on the same port with its
// data (a desk's server going away and coming back). Its maintainers say it is for testing, not production: the use.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import expressPouchdb from 'express-pouchdb'
import PouchDB from 'pouchdb-core'
import mapreduce from 'pouchdb-mapreduce'
// Plugs in the memory and HTTP adapters and replication, once (PouchDB refuses a plugin twice).
import '../../src/main/sync/pouch'

export const ADMIN = { user: 'desk-admin', password: 'admin-secret' }

export interface CouchServer {
  url: string
  /** A CouchDB user (in _users), with a password. */
  addUser(name: string, password: string): Promise<void>
  /** An HTTP call as `auth` ("user:password"), or anonymous. */
  request(method: string, path: string, body?: unknown, auth?: { user: string; password: string }): Promise<{ status: number; json: Record<string, unknown> }>
  /** The server's own copy of a database, bypassing HTTP and its checks (a compromised server). */
  backdoor(database: string): PouchDB.Database
  stop(): Promise<void>
  start(): Promise<void>
  close(): Promise<void>
}

let plugged = false

export async function startCouch(): Promise<CouchServer> {
  if (!plugged) {
    PouchDB.plugin(mapreduce)
    plugged = true
  }
  const prefix = `couch-${Math.random().toString(36).slice(2)}-`
  const ServerPouch = (PouchDB as unknown as { defaults(o: object): typeof PouchDB }).defaults({ adapter: 'memory', prefix })
  const logDir = await mkdtemp(join(tmpdir(), 'factmark-couch-'))
  const pouchApp = expressPouchdb(ServerPouch, { mode: 'fullCouchDB', inMemoryConfig: true, logPath: join(logDir, 'log.txt') }) as (req: IncomingMessage, res: ServerResponse) => void
  const app = (req: IncomingMessage, res: ServerResponse) => {
    // CouchDB answers a non-admin's PUT /db with 401; express-pouchdb throws instead. Answered here as CouchDB does.
    if (req.method === 'PUT' && /^\/[a-z][a-z0-9_$()+-]*\/?$/.test(req.url ?? '')) {
      const auth = req.headers.authorization ?? ''
      const decoded = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString() : ''
      if (decoded !== `${ADMIN.user}:${ADMIN.password}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unauthorized', reason: 'You are not a server admin.' }))
        return
      }
    }
    pouchApp(req, res)
  }
  let server: Server = createServer(app)
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve())
    })
  await listen(0)
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  const request: CouchServer['request'] = async (method, path, body, auth) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    return { status: response.status, json: (await response.json().catch(() => ({}))) as Record<string, unknown> }
  }
  const made = await request('PUT', `/_config/admins/${ADMIN.user}`, ADMIN.password)
  if (made.status !== 200) throw new Error(`the test server did not take its admin: ${made.status}`)
  let running = true
  const stop = async () => {
    if (!running) return
    running = false
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }
  return {
    url,
    request,
    async addUser(name, password) {
      const { status } = await request('PUT', `/_users/org.couchdb.user:${name}`, { _id: `org.couchdb.user:${name}`, name, password, roles: [], type: 'user' }, ADMIN)
      if (status !== 201) throw new Error(`the test server did not take the user ${name}: ${status}`)
    },
    backdoor: (database) => new ServerPouch(database),
    stop,
    async start() {
      if (running) return
      server = createServer(app)
      await listen(port)
      running = true
    },
    close: stop
  }
}
