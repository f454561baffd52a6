// Where everything of a workspace lives, in one place. A workspace folder:
//   workspace.json                      a readable copy of the merged settings (settings-log/ is what counts)
//   workspace.v1.json                   a version-1 workspace.json, kept as it was after migration
//   settings-log/<replica>.jsonl        settings changes, one writer per file (version-1.jsonl: the migrated ones)
//   replicas/<replica>.json             each writer identity ever used here (which machine account)
//   locks/<replica>.lock                held by the process writing as that replica now
//   identities/<machine account>.json   who reviews from that machine account
//   articles/<id>/log/<replica>.jsonl   an article's changes, one writer per file (version-1.jsonl: the migrated ones)
//   articles/<id>/article.json          a checkpoint of the article: its state after the log bytes it lists
//   articles/<id>/shared.json           the server it is shared through, and who added whose changes there
//   articles/<id>.v1.json               a version-1 file, kept as it was after migration
//   trash/<id>/                         a trashed article's folder, whole, with trashed.json (when, what)
import { join } from 'node:path'
import { isMovedAside } from './move-aside'

export const SETTINGS_FILE = 'workspace.json'
export const SETTINGS_V1_FILE = 'workspace.v1.json'
export const SETTINGS_LOG_DIR = 'settings-log'
export const ARTICLES_DIR = 'articles'
export const TRASH_DIR = 'trash'
export const REPLICAS_DIR = 'replicas'
export const LOCKS_DIR = 'locks'
export const IDENTITIES_DIR = 'identities'
export const CHECKPOINT_FILE = 'article.json'
export const SHARED_FILE = 'shared.json'
export const LOG_DIR = 'log'
export const LOG_EXT = '.jsonl'
export const V1_SUFFIX = '.v1.json'
/** What the trash keeps beside a trashed article: when it went there, and what the list shows. */
export const TRASH_INFO_FILE = 'trashed.json'

export const articleDir = (dir: string, id: string) => join(dir, ARTICLES_DIR, id)
export const articleLogDir = (dir: string, id: string) => join(dir, ARTICLES_DIR, id, LOG_DIR)
export const checkpointPath = (dir: string, id: string) => join(dir, ARTICLES_DIR, id, CHECKPOINT_FILE)
export const sharedPath = (dir: string, id: string) => join(dir, ARTICLES_DIR, id, SHARED_FILE)
export const logFileName = (replica: string) => `${replica}${LOG_EXT}`

/** A log's name without its extension: the key a checkpoint's `includes` uses. */
export function logKey(fileName: string): string | null {
  return fileName.endsWith(LOG_EXT) && !fileName.startsWith('.') && !isMovedAside(fileName) ? fileName.slice(0, -LOG_EXT.length) : null
}
