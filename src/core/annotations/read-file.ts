// An annotation file, from its text to the annotations in it: W3C Web Annotations or a Hypothesis export, told apart by
// their shape. Anything else is refused in one sentence, never with a parser's or a schema's words.

import { FactmarkError } from '../errors'
import { MAX_ANNOTATIONS_PER_IMPORT } from '../limits'
import type { Verdict } from '../model'
import type { ForeignAnnotation } from './foreign'
import type { AnnotationFormat } from './formats'
import { hypothesisAnnotations, readHypothesisAnnotation } from './hypothesis-read'
import { NOT_W3C, readW3cAnnotation, w3cAnnotations } from './w3c-read'
import { isObject, listOf } from './json-values'

export interface AnnotationFile {
  format: AnnotationFormat
  annotations: ForeignAnnotation[]
}

const NOT_ANNOTATIONS = 'It holds no annotations Factmark can read: it is neither W3C Web Annotations (JSON-LD) nor a Hypothesis export (JSON from its API).'

const refuse = (why: string) => new FactmarkError('invalid-argument', why)

const tooMany = (n: number) =>
  refuse(`The file has ${n.toLocaleString('en-US')} annotations; at most ${MAX_ANNOTATIONS_PER_IMPORT.toLocaleString('en-US')} can be imported at once. Nothing was imported.`)

/**
 * The annotations in a file's text; throws a FactmarkError saying why when there are none to read. `pause` is called
 * between annotations, so that a long file lets other work run.
 */
export async function readAnnotationFile(content: string, verdictLabels: Readonly<Record<Verdict, string>>, pause?: () => Promise<void>): Promise<AnnotationFile> {
  const body = content.replace(/^\uFEFF/, '')
  if (!/\S/.test(body)) throw refuse('The file is empty.')
  let root: unknown
  try {
    root = JSON.parse(body)
  } catch {
    throw refuse(`The file is not JSON, so it is not an annotation export. ${NOT_ANNOTATIONS}`)
  }
  // The count is checked before anything is read, so a huge file is refused at once.
  const size = Array.isArray(root) ? root.length : isObject(root) && Array.isArray(root.rows) ? root.rows.length + listOf(root.replies).length : 0
  if (size > MAX_ANNOTATIONS_PER_IMPORT) throw tooMany(size)

  const hypothesis = hypothesisAnnotations(root)
  if (hypothesis) {
    if (hypothesis.length === 0) throw refuse('The file holds no annotations.')
    return { format: 'hypothesis', annotations: await readEach(hypothesis, readHypothesisAnnotation, pause) }
  }
  const w3c = w3cAnnotations(root)
  if (typeof w3c === 'string') throw refuse(w3c === NOT_W3C ? NOT_ANNOTATIONS : w3c)
  if (w3c.length > MAX_ANNOTATIONS_PER_IMPORT) throw tooMany(w3c.length)
  if (w3c.length === 0) throw refuse(Array.isArray(root) && root.length > 0 ? NOT_ANNOTATIONS : 'The file holds no annotations.')
  return { format: 'w3c', annotations: await readEach(w3c, (a) => readW3cAnnotation(a, verdictLabels), pause) }
}

async function readEach<T>(items: readonly T[], read: (item: T) => ForeignAnnotation, pause?: () => Promise<void>): Promise<ForeignAnnotation[]> {
  const out: ForeignAnnotation[] = []
  for (const item of items) {
    out.push(read(item))
    await pause?.()
  }
  return out
}
