// What the server enforces for a shared article: its design document (the audit trail is append-only, and each
// change is added by its author, signed in) and its members (who may read and write it).

export const DESIGN_DOC_ID = '_design/factmark'

/**
 * Runs on the server for every write, admins' included (CouchDB's JavaScript, ES5): an existing operation is never
 * changed or deleted; a new one is added only by the signed-in user it names as `author`, under its own id.
 */
export const VALIDATE_DOC_UPDATE = `function (newDoc, oldDoc, userCtx) {
  if (newDoc._id.indexOf('_design/') === 0) {
    if (userCtx.roles.indexOf('_admin') === -1) throw({ forbidden: 'Only a server admin can change how a shared article is checked.' });
    return;
  }
  if (oldDoc || newDoc._deleted) throw({ forbidden: 'A change that was saved is never altered or deleted: the audit trail stays as it was written.' });
  if (newDoc.author !== userCtx.name) throw({ unauthorized: 'A change can only be added by its author, signed in as themself.' });
  if (!newDoc.op || typeof newDoc.op !== 'object' || newDoc.op.id !== newDoc._id) throw({ forbidden: 'That is not a Factmark change.' });
}`

export function designDoc(): { _id: string; validate_doc_update: string; factmark: { version: number } } {
  return { _id: DESIGN_DOC_ID, validate_doc_update: VALIDATE_DOC_UPDATE, factmark: { version: 1 } }
}

/** The database's security object: the sharer administers it; they and the members read and write it. */
export function securityObject(admin: string, members: readonly string[]): { admins: { names: string[]; roles: string[] }; members: { names: string[]; roles: string[] } } {
  return { admins: { names: [admin], roles: [] }, members: { names: [...new Set([admin, ...members])], roles: [] } }
}

/** The database of an article: CouchDB names are lowercase letters, digits and a few signs, starting with a letter. */
export function databaseName(articleId: string): string {
  return `factmark-${articleId}`
}

export const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/
