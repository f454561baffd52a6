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
    auth: { username: signIn.user, password: signIn.password }
  })
}

export type Replication = PouchDB.Sync
export type ReplicationChange = PouchDB.ChangeInfo
export type ReplicationResult = PouchDB.SyncResult
