/// <reference path="./pouchdb.d.ts" />
// PouchDB as main uses it: an in-memory replica per shared article (the workspace's logs stay the truth; the replica
// is rebuilt from them at each start) and the HTTP adapter to the desk's CouchDB. No native module: nothing to rebuild
// for Electron.
import PouchDB from 'pouchdb-core'
import memory from 'pouchdb-adapter-memory'
import http from 'pouchdb-adapter-http'
import replication from 'pouchdb-replication'

PouchDB.plugin(memory).plugin(http).plugin(replication)

export type Database = PouchDB.Database

let made = 0

/** A fresh in-memory replica (its name is only this process's). */
export function memoryReplica(label: string): Database {
  return new PouchDB(`factmark-replica-${label}-${made++}`, { adapter: 'memory' })
}

export interface SignIn {
  user: string
  password: string
}

/** A database on the server, signed in as `signIn`; never created by opening it (`skip_setup`). */
export function serverDatabase(server: string, database: string, signIn: SignIn): Database {
  return new PouchDB(`${server.replace(/\/+$/, '')}/${encodeURIComponent(database)}`, {
    adapter: 'http',
    skip_setup: true,
    auth: { username: signIn.user, password: signIn.password },
    fetch: answeringFetch
  })
}

/** What PouchDB is told when the server cannot be reached at all (server-errors.ts reads it back as offline). */
export const UNREACHABLE = 'factmark-unreachable'

/**
 * Fetch for PouchDB's HTTP adapter that turns a failed connection into a 503 answer: PouchDB then backs off and retries
 * as for any server failure, instead of some of its requests rejecting where nothing catches them (an unhandled
 * rejection in main for every retry while offline).
 */
async function answeringFetch(url: string, options: Record<string, unknown>): Promise<Response> {
  try {
    return await (PouchDB as unknown as { fetch: (url: string, options: unknown) => Promise<Response> }).fetch(url, options)
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'ECONNREFUSED'
    return new Response(JSON.stringify({ error: UNREACHABLE, reason: code }), { status: 503, headers: { 'content-type': 'application/json' } })
  }
}

export type Replication = PouchDB.Sync
export type ReplicationChange = PouchDB.ChangeInfo
export type ReplicationResult = PouchDB.SyncResult
