// "Import annotations…" and `factmark annotations import`: a file of W3C or Hypothesis annotations read in main, placed
// on the article's latest text in its turn, and saved as claims in one write (core/annotations does the reading and
// placing; this is the file and the store).

import { isUtf8 } from 'node:buffer'
import { planImport, type ImportCounts } from '../core/annotations/import-plan'
import type { AnnotationFormat } from '../core/annotations/formats'
import { readAnnotationFile } from '../core/annotations/read-file'
import { FactmarkError } from '../core/errors'
import { MAX_ANNOTATION_FILE_BYTES } from '../core/limits'
import { summarize, type ArticleSummary } from '../core/model'
import { stampImportedClaim } from '../core/stamp'
import type { Workspace } from './workspace/workspace'
import { nextTurn } from './next-turn'

export interface AnnotationImport {
  format: AnnotationFormat
  counts: ImportCounts
  summary: ArticleSummary
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`

/** Why a file of this many bytes is not read, or null when it may be. */
export function annotationFileSizeProblem(bytes: number): FactmarkError | null {
  if (bytes <= MAX_ANNOTATION_FILE_BYTES) return null
  return new FactmarkError('too-large', `The file is ${megabytes(bytes)}; annotation files of up to ${megabytes(MAX_ANNOTATION_FILE_BYTES)} are imported.`)
}

/** The file's text: JSON is UTF-8 (or, rarely, UTF-16 with its byte-order mark); anything else is not an export. */
export function annotationFileText(bytes: Uint8Array): string {
  const tooBig = annotationFileSizeProblem(bytes.byteLength)
  if (tooBig) throw tooBig
  const notText = () => new FactmarkError('invalid-argument', 'The file is not text (or not in UTF-8), so it is not an annotation export.')
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined
  if (!utf16) {
    // Checked and decoded natively: a strict TextDecoder takes ~100 ms over 15 MB, all of it holding main.
    if (!isUtf8(bytes)) throw notText()
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  }
  try {
    return new TextDecoder(utf16, { fatal: true }).decode(bytes)
  } catch {
    throw notText()
  }
}

/** Gives other work a turn once the import has held main for this long. */
const TURN_MS = 20

/** `file`: the file's bytes, or its text once `annotationFileText` has read them. */
export async function importAnnotations(workspace: Workspace, articleId: string, file: Uint8Array | string, choices: { anyPage?: boolean; now?: () => Date } = {}): Promise<AnnotationImport> {
  let since = performance.now()
  const pause = async () => {
    if (performance.now() - since < TURN_MS) return
    await nextTurn()
    since = performance.now()
  }
  const read = await readAnnotationFile(typeof file === 'string' ? file : annotationFileText(file), workspace.settings().verdictLabels, pause)
  let counts: ImportCounts | undefined
  const { doc } = await workspace.recordMany(articleId, async (latest, stamp) => {
    const plan = await planImport(latest, read, { anyPage: choices.anyPage, now: (choices.now?.() ?? new Date()).toISOString(), pause })
    counts = plan.counts
    const ops = []
    for (const claim of plan.claims) {
      ops.push(stampImportedClaim(latest, claim, stamp()))
      await pause()
    }
    return ops
  })
  return { format: read.format, counts: counts!, summary: summarize(doc) }
}
