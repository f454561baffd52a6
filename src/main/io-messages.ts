// File-system failures in words: "Could not save article.json: the disk is full." The file is named by its name
// only (a full path is noise, and can be long); Node's codes and messages (ENOSPC, "open '/…'") never reach the UI.
// Callers keep the raw error as the FactmarkError's `cause`, for logs.
import { basename } from 'node:path'
import { FactmarkError } from '../core/errors'

/** What was being done to the file, as the sentence says it. */
export type FileAction = 'save' | 'read' | 'move aside' | 'move' | 'delete' | 'list' | 'use as workspace'

/** Why, by Node's error code; each completes "Could not save X: …". */
const REASONS: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'permission was denied',
  EPERM: 'permission was denied',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'it is too large for the disk',
  EROFS: 'the disk is read-only',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'part of its path is a file, not a folder',
  EEXIST: 'something of that name is already there',
  ENOTEMPTY: 'the folder is not empty',
  EMFILE: 'too many files are open; close some programs and try again',
  ENFILE: 'too many files are open; close some programs and try again',
  EBUSY: 'another program is using it',
  ETXTBSY: 'another program is using it',
  EAGAIN: 'the system was busy; try again',
  EIO: 'the disk reported an error while reading or writing',
  ENAMETOOLONG: 'its name or folder path is too long',
  ELOOP: 'its path goes round in a loop of links',
  EXDEV: 'it would have to move to another disk',
  ESTALE: 'the network drive lost track of it; try again',
  ETIMEDOUT: 'the disk or network drive did not answer in time',
  ENODEV: 'its disk is not available',
  ENXIO: 'its disk is not available'
}

/** Special cases where the general reason would mislead. */
function reasonFor(code: string | undefined, action: FileAction): string {
  if (code === 'ENOENT' && action === 'save') return 'its folder does not exist'
  return (code && REASONS[code]) ?? 'the system refused it'
}

/** Why a file operation failed, as the end of a sentence ("the disk is full"), from a Node error or a FactmarkError made here. */
export function fileFailureReason(error: unknown, action: FileAction = 'read'): string {
  const raw = error instanceof FactmarkError && error.cause !== undefined ? error.cause : error
  return reasonFor((raw as NodeJS.ErrnoException | undefined)?.code, action)
}

/** "Could not save article.json: the disk is full." */
export function fileErrorMessage(error: unknown, path: string, action: FileAction): string {
  const name = basename(path) || path
  const why = fileFailureReason(error, action)
  switch (action) {
    case 'move aside':
      return `Could not move ${name} aside: ${why}.`
    case 'list':
      return `Could not read the folder ${name}: ${why}.`
    case 'use as workspace':
      return `Could not use the folder ${name} as a workspace: ${why}.`
    default:
      return `Could not ${action} ${name}: ${why}.`
  }
}

/** The same as a FactmarkError: 'not-found' for a missing file, else 'io'; the raw error is kept as its cause. */
export function fileError(error: unknown, path: string, action: FileAction, extra = ''): FactmarkError {
  const missing = (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' && action !== 'save'
  const failure = new FactmarkError(missing ? 'not-found' : 'io', fileErrorMessage(error, path, action) + (extra && ` ${extra}`))
  failure.cause = error
  return failure
}

// —— The store's own sentences ——

/** A change that could not be written to its log: refused, and nothing of it kept. */
export function changeNotSavedError(error: unknown): FactmarkError {
  const failure = new FactmarkError('io', `Could not save this change: ${fileFailureReason(error, 'save')}. Nothing was changed; the article is as it was.`)
  failure.cause = error
  return failure
}

/** A setting that could not be written: refused, and the settings are as they were. */
export function settingNotSavedError(error: unknown): FactmarkError {
  const failure = new FactmarkError('io', `Could not save the settings: ${fileFailureReason(error, 'save')}. They are as they were.`)
  failure.cause = error
  return failure
}

export const STORE_MESSAGES = {
  newerArticle: 'This article was saved by a newer version of Factmark, so it is open read-only here. Update Factmark to change it.',
  newerWorkspace: 'This workspace was saved by a newer version of Factmark, so it is open read-only here. Update Factmark to change it.',
  movedElsewhere: 'This article was moved to the trash, or elsewhere, by another window or program, so the change was not saved.',
  closed: 'The workspace was closed; open it again to make changes.',
  tornLine: 'its last line was cut off (Factmark was stopped while saving a change, which was never confirmed); the rest was read',
  badLine: (line: number) => `line ${line} could not be read, so it was skipped`,
  notALog: 'it is not a Factmark log file, so it was not read',
  newerLog: 'it was written by a newer version of Factmark, so it was not read',
  setAside: (why: string) => `${why}; it was set aside and the article rebuilt from its history of changes`,
  settingsSetAside: (why: string) => `${why}; it was set aside and rewritten from the workspace's history of settings`,
  noChanges: 'it holds no readable changes, so the article could not be opened',
  noCreation: 'its history does not begin with the article’s creation (part of it is missing), so the article could not be opened',
  changeLeftOut: (name: string, at: string, why: string) => `a change ${name.slice(0, 80)} saved at ${at} was left out: ${why}`,
  alteredCopy: 'it has the id of a change already here, with other contents (an altered copy of it).',
  /** A change that came from a server or a bundle and was not taken in. */
  refusedFrom: (origin: string, name: string, at: string, why: string) => `a change by ${name.slice(0, 80)} saved at ${at}, from ${origin.slice(0, 200)}, was refused: ${why}`,
  otherArticle: (id: string) => `it holds article "${id.slice(0, 80)}" under another name, so it was not opened`,
  notV1: 'it is not a valid Factmark file (it was changed by hand or by another program, or is from a newer Factmark)'
} as const
