// `factmark suggest` and `factmark check-numbers`: the app's claim suggestions and arithmetic check for a text file or
// an article of a workspace, as lines to read or JSON for scripts. Same model, same checker, nothing fetched.
import { statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { FINDING_LABELS, KIND_LABELS } from '../core/analysis'
import { checkNumbers } from '../core/numbers'
import { FactmarkError } from '../core/errors'
import { count } from '../core/input-messages'
import { MAX_IMPORT_BYTES } from '../main/import/shared'
import { decodeText } from '../main/import/text-file'
import { scoreBlocks, scoreText, SUGGEST_THRESHOLD } from '../core/suggest'
import { UsageError, findArticle, open, parse, type CliIo } from './common'

/** What a command reads: a text file's own text (one paragraph a line), or an article's text and its blocks. */
interface Target {
  text: string
  blocks?: readonly { start: number; end: number }[]
}

export async function suggestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' }, json: { type: 'boolean' } })
  if (positionals.length !== 1) throw new UsageError('suggest takes one FILE, or an ARTICLE with --workspace DIR')
  const target = await readTarget(positionals[0]!, values.workspace, io)
  const sentences = target.blocks ? scoreBlocks(target.text, target.blocks) : scoreText(target.text)
  if (values.json) {
    io.out(JSON.stringify(sentences.map(({ start, end, text, score, kinds }) => ({ start, end, text, score: round(score), kinds }))))
    return 0
  }
  // score, worth checking (the app's default threshold), reasons, sentence: one line each, tab-separated
  for (const s of sentences) {
    const words = s.text.replace(/\s+/g, ' ')
    io.out(`${round(s.score).toFixed(3)}\t${s.score >= SUGGEST_THRESHOLD ? 'check' : '-'}\t${s.kinds.map((k) => KIND_LABELS[k]).join(', ') || '-'}\t${words}`)
  }
  return 0
}

export async function checkNumbersCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' }, json: { type: 'boolean' } })
  if (positionals.length !== 1) throw new UsageError('check-numbers takes one FILE, or an ARTICLE with --workspace DIR')
  const target = await readTarget(positionals[0]!, values.workspace, io)
  const findings = checkNumbers(target.text, target.blocks)
  if (values.json) {
    io.out(JSON.stringify(findings))
    return 0
  }
  for (const f of findings) io.out(`${FINDING_LABELS[f.status].mark} ${f.status}\t${f.kind}\t${f.explanation}`)
  if (findings.length === 0) io.err('factmark: no sums, changes, multiples, shares or differences to check were found.')
  return 0
}

/** A path that is a file is read as text; anything else names an article of the workspace. */
async function readTarget(target: string, workspaceArg: string | undefined, io: CliIo): Promise<Target> {
  const file = statSync(target, { throwIfNoEntry: false })
  if (file?.isFile()) {
    const size = file.size
    if (size > MAX_IMPORT_BYTES) throw new FactmarkError('too-large', `${basename(target)} is ${count(Math.round(size / 1e6))} MB; Factmark reads text files of up to ${count(MAX_IMPORT_BYTES / 1e6)} MB.`)
    return { text: decodeText(await readFile(target), basename(target)) }
  }
  if (!workspaceArg && !io.env.FACTMARK_WORKSPACE) throw new FactmarkError('not-found', `no file "${target}" (to read an article, add --workspace DIR)`)
  const workspace = await open(workspaceArg, io)
  const { article } = workspace.getArticle(findArticle(workspace.listArticles(), target).id)
  return { text: article.text, blocks: article.blocks.length ? article.blocks : undefined }
}

/** Scores to three places: what a reader compares, and the same in every run. */
const round = (score: number) => Math.round(score * 1000) / 1000
