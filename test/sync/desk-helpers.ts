// A desk for the sync tests: reviewers each with their own workspace folder, machine account, CouchDB user and Desk.
import { afterAll, afterEach, beforeAll } from 'vitest'
import { memoryCredentials } from '../../src/main/sync/credentials'
import { Desk } from '../../src/main/sync/desk'
import type { Workspace } from '../../src/main/workspace/workspace'
import { ADMIN, startCouch, type CouchServer } from '../helpers/couch-server'
import { open } from '../helpers/store'
import { tempDir } from '../helpers/temp-dir'

export interface Reviewer {
  name: string
  user: string
  password: string
  workspace: Workspace
  desk: Desk
}

let couch: CouchServer
const desks: Desk[] = []

export function useCouch(): () => CouchServer {
  beforeAll(async () => {
    couch = await startCouch()
  })
  afterAll(async () => {
    await couch.close()
  })
  afterEach(async () => {
    await couch.start()
    await Promise.all(desks.splice(0).map((d) => d.close()))
  })
  return () => couch
}

let counter = 0

/** A reviewer with a workspace of their own; `admin` signs in as the desk admin (who may share). */
export async function reviewer(name: string, options: { admin?: boolean; live?: boolean } = {}): Promise<Reviewer> {
  const user = options.admin ? ADMIN.user : `${name.toLowerCase()}-${counter++}`
  const password = options.admin ? ADMIN.password : `pw-${name}`
  if (!options.admin) await couch.addUser(user, password)
  const workspace = await open(await tempDir(), { machine: { host: `${name.toLowerCase()}-laptop`, user: name.toLowerCase() } })
  await workspace.setMyName(name)
  const desk = await Desk.open(workspace, memoryCredentials(), { live: options.live ?? false })
  desks.push(desk)
  return { name, user, password, workspace, desk }
}

export const signIn = (r: Reviewer) => ({ user: r.user, password: r.password })

/** The article as every reader sees it: its JSON, byte for byte. */
export const bytes = (r: Reviewer, id: string) => JSON.stringify(r.workspace.getArticle(id))
