import { FactmarkError } from '../../core/errors'
import type { NewArticle } from '../workspace/workspace'
import { articleFromFile } from './file-formats'
import { articleFromHtml, decodeHtml } from './html'
import { MAX_IMPORT_BYTES, sourceName } from './shared'
import { articleFromText } from './text'

/** What the import worker is asked to read. Everything in it survives structured cloning. */
export type ImportJob =
  /** A file's bytes, or the base64 the window sent them as (decoded in the worker: 27 MB of base64 is not free either). */
  | { kind: 'file'; name: string; bytes?: Uint8Array; base64?: string; title?: string }
  /** A fetched web page's body, with the Content-Type it came with. */
  | { kind: 'page'; url: string; bytes: Uint8Array; contentType: string | null; title?: string }
  | { kind: 'text'; text: string; title?: string; origin: NewArticle['origin'] }

/** How a job's source is named in messages. */
export function jobName(job: ImportJob): string {
  return job.kind === 'file' ? job.name : job.kind === 'page' ? sourceName({ kind: 'url', url: job.url }) : sourceName(job.origin)
}

/** Reads the source of a job into an article: decoding and parsing, all of it. Runs inside the import worker. */
export async function runImportJob(job: ImportJob): Promise<NewArticle> {
  switch (job.kind) {
    case 'file': {
      const bytes = job.bytes ?? new Uint8Array(Buffer.from(job.base64 ?? '', 'base64'))
      if (bytes.length > MAX_IMPORT_BYTES) throw new FactmarkError('too-large', `${job.name} is over 20 MB, the limit.`)
      return articleFromFile(job.name, bytes, { title: job.title })
    }
    case 'page': {
      const html = decodeHtml(job.bytes, { name: jobName(job), contentType: job.contentType })
      return articleFromHtml(html, { title: job.title, origin: { kind: 'url', url: job.url }, baseUrl: job.url })
    }
    case 'text':
      return articleFromText(job.text, { title: job.title, origin: job.origin })
  }
}
