// Workspace folders for the bench, written directly (the article JSON is validated with ArticleDoc.parse
// when generated, and again by openWorkspace when the app's services open it).

import { cp, mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_VERDICT_LABELS, WORKSPACE_FORMAT, type ArticleDoc, type WorkspaceSettings } from '../src/core/model'
import { FIXED_TIME, REVIEWER } from './generate'

export function benchSettings(): WorkspaceSettings {
  return {
    format: WORKSPACE_FORMAT,
    version: 1,
    reviewer: REVIEWER, // so the first change does not ask for a name
    organisation: 'Bench',
    claimReviewBaseUrl: '',
    verdictLabels: { ...DEFAULT_VERDICT_LABELS },
    createdAt: FIXED_TIME
  }
}

/** A workspace with one article, in the store's own file format (pretty-printed JSON). */
export async function writeWorkspace(dir: string, doc: ArticleDoc): Promise<void> {
  await mkdir(join(dir, 'articles'), { recursive: true })
  await writeFile(join(dir, 'workspace.json'), JSON.stringify(benchSettings(), null, 2) + '\n')
  await writeFile(join(dir, 'articles', `${doc.article.id}.json`), JSON.stringify(doc, null, 2) + '\n')
}

export async function copyWorkspace(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true })
}
