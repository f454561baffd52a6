// `factmark annotations import ARTICLE FILE`: W3C or Hypothesis annotations made into claims (main/import-annotations.ts).
import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { importSummary } from '../core/annotations/import-plan'
import { FactmarkError } from '../core/errors'
import { annotationFileSizeProblem, annotationFileText, importAnnotations } from '../main/import-annotations'
import { fileError } from '../main/io-messages'
import { UsageError, findArticle, open, parse, type CliIo } from './common'

export async function annotationsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub !== 'import') throw new UsageError('annotations takes import (factmark annotations import ARTICLE FILE)')
  const { values, positionals } = parse(rest, { workspace: { type: 'string' }, 'any-page': { type: 'boolean' } })
  if (positionals.length !== 2) throw new UsageError('annotations import takes an ARTICLE and a FILE (factmark annotations import ARTICLE FILE)')
  const path = resolve(positionals[1]!)
  // Read first: a file that is not an export is refused before the workspace is opened.
  const text = annotationFileText(await readAnnotationFile(path))
  const workspace = await open(values.workspace, io)
  const article = findArticle(workspace.listArticles(), positionals[0]!)
  const done = await importAnnotations(workspace, article.id, text, { anyPage: values['any-page'] })
  io.out(importSummary(done.counts))
  return 0
}

async function readAnnotationFile(path: string): Promise<Uint8Array> {
  try {
    // The size first: a huge file is refused without being read into memory.
    const { size } = await stat(path)
    const tooBig = annotationFileSizeProblem(size)
    if (tooBig) throw tooBig
    return await readFile(path)
  } catch (error) {
    if (error instanceof FactmarkError) throw error
    throw fileError(error, path, 'read')
  }
}
