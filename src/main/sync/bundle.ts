// An article bundle: every operation of one article in one file, for two reviewers to merge without a server (mail it,
// put it on a stick). Opening one merges its operations through the same path as a server's (Workspace.mergeOperations).
import { readFile, stat } from 'node:fs/promises'
import { z } from 'zod'
import { FactmarkError } from '../../core/errors'
import { Id, Operation, type ArticleDoc } from '../../core/model'
import { MAX_BUNDLE_BYTES } from '../../core/limits'
import { fileError } from '../io-messages'

const BUNDLE_FORMAT = 'factmark-bundle'

const BundleHead = z.object({ format: z.literal(BUNDLE_FORMAT), version: z.literal(1), articleId: Id, title: z.string(), operations: z.array(z.unknown()) })

/** The bundle of an article as this workspace has it. */
export function bundleOf(doc: ArticleDoc): string {
  return `${JSON.stringify({ format: BUNDLE_FORMAT, version: 1, articleId: doc.article.id, title: doc.article.title, operations: doc.log })}\n`
}

/** A bundle file, checked: its article and operations; a sentence for anything else. */
export async function readBundle(path: string): Promise<{ articleId: string; title: string; operations: Operation[]; unreadable: number }> {
  const size = await stat(path).then(
    (s) => s.size,
    (error: unknown) => {
      throw fileError(error, path, 'read')
    }
  )
  if (size > MAX_BUNDLE_BYTES) throw new FactmarkError('too-large', `That bundle is larger than ${Math.round(MAX_BUNDLE_BYTES / 1_000_000)} MB, so it was not opened.`)
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw fileError(error, path, 'read')
  })
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new FactmarkError('invalid-argument', 'That file is not a Factmark article bundle (it is not JSON).')
  }
  const head = BundleHead.safeParse(value)
  if (!head.success) throw new FactmarkError('invalid-argument', 'That file is not a Factmark article bundle (factmark bundle writes them).')
  const operations: Operation[] = []
  let unreadable = 0
  for (const raw of head.data.operations) {
    const op = Operation.safeParse(raw)
    if (op.success) operations.push(op.data)
    else unreadable++
  }
  return { articleId: head.data.articleId, title: head.data.title, operations, unreadable }
}
