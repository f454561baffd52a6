// One operation as one CouchDB document: `_id` the operation's id, `author` the CouchDB user who added it (what the
// server's validate_doc_update checks against the signed-in user), `op` the operation as stored. Its revision is a
// hash of what it holds, so every Factmark that writes it gives it the same one: the replicas agree and a document is
// never sent twice.
import { createHash } from 'node:crypto'
import { Operation } from '../../core/model'

export interface OperationDoc {
  _id: string
  _rev: string
  author: string
  op: Operation
}

export function operationDoc(op: Operation, author: string): OperationDoc {
  return { _id: op.id, _rev: `1-${createHash('md5').update(JSON.stringify({ author, op })).digest('hex')}`, author, op }
}

/** What a document from the server holds, checked; a sentence for anything else (design documents are skipped). */
export function operationFromDoc(doc: unknown): { op: Operation; author: string } | { problem: string } | null {
  if (!doc || typeof doc !== 'object') return { problem: 'a document that is not a Factmark change' }
  const { _id, author, op } = doc as { _id?: unknown; author?: unknown; op?: unknown }
  if (typeof _id === 'string' && _id.startsWith('_design/')) return null
  if ((doc as { _deleted?: unknown })._deleted === true) return { problem: 'a change was deleted on the server' }
  const parsed = Operation.safeParse(op)
  if (!parsed.success) return { problem: 'a document that is not a Factmark change' }
  if (parsed.data.id !== _id) return { problem: 'a change stored under another change’s id' }
  if (typeof author !== 'string' || !author) return { problem: 'a change that does not say who added it' }
  return { op: parsed.data, author }
}
