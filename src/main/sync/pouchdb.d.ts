// The part of PouchDB main uses, typed here: the published @types pull the DOM's lib into every file of main.
declare module 'pouchdb-core' {
  import type { EventEmitter } from 'node:events'

  namespace PouchDB {
    interface ReplicationResult {
      ok: boolean
      docs_read: number
      docs_written: number
      doc_write_failures: number
      errors: { id?: string; name?: string; status?: number; message?: string; reason?: string }[]
      status?: string
    }
    interface SyncResult {
      push: ReplicationResult
      pull: ReplicationResult
    }
    interface ChangeInfo {
      direction: 'push' | 'pull'
      change: { docs: Record<string, unknown>[]; docs_written: number; errors: unknown[] }
    }
    interface Sync extends EventEmitter, Promise<SyncResult> {
      cancel(): void
    }
    interface SyncOptions {
      live?: boolean
      retry?: boolean
      heartbeat?: number | false
      batch_size?: number
      batches_limit?: number
      back_off_function?: (delay: number) => number
      timeout?: number | false
    }
    interface Database<T = Record<string, unknown>> {
      readonly name: string
      bulkDocs(docs: unknown[], options?: { new_edits?: boolean }): Promise<{ ok?: boolean; id?: string; error?: string; reason?: string }[]>
      allDocs(options?: { include_docs?: boolean; keys?: string[] }): Promise<{ total_rows: number; rows: { id: string; value: { rev: string }; doc?: T }[] }>
      info(): Promise<{ doc_count: number; update_seq: number | string }>
      sync(remote: Database, options?: SyncOptions): Sync
      destroy(): Promise<unknown>
      close(): Promise<void>
    }
  }
  interface PouchDBStatic {
    new (name: string, options?: Record<string, unknown>): PouchDB.Database
    plugin(plugin: unknown): PouchDBStatic
  }
  const PouchDB: PouchDBStatic
  export default PouchDB
}
declare module 'pouchdb-adapter-memory'
declare module 'pouchdb-adapter-http'
declare module 'pouchdb-replication'
declare module 'express-pouchdb'
declare module 'pouchdb-mapreduce'
