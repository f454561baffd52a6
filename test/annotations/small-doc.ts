// Small articles for the annotation importer's tests, made as the app makes them (an article.create, test/report's
// `imported`), and the file → plan steps the app takes (readAnnotationFile, then planImport).
import { planImport, type ImportPlan } from '../../src/core/annotations/import-plan'
import { readAnnotationFile } from '../../src/core/annotations/read-file'
import { HybridClock, hlcTime } from '../../src/core/clock'
import { DEFAULT_VERDICT_LABELS, type ArticleDoc, type Claim } from '../../src/core/model'
import { apply } from '../../src/core/ops'
import { stampImportedClaim } from '../../src/core/stamp'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { imported } from '../report/sample-doc'

export const NOW = '2026-12-01T10:00:00.000Z'

export const TRADE = [
  'ASTANA, 14 August (BelTA) – Belarus is aimed to maximize the efforts to intensify the trade.',
  'In January-June the trade soared almost 80% to make up $294.6 million.',
  'Today Kazakhstan is home to eight joint plants which assemble Belarusian machinery.'
].join('\n\n')

/** An article of `text`, pasted, or fetched from `url` when one is given. */
export function smallDoc(text = TRADE, url?: string): ArticleDoc {
  const body = bodyFromPlainText(text)
  return imported({ id: 'small-article', title: 'Trade', text: body.text, blocks: body.blocks, origin: url ? { kind: 'url', url } : { kind: 'paste' } })
}

export const read = (root: unknown) => readAnnotationFile(typeof root === 'string' ? root : JSON.stringify(root), DEFAULT_VERDICT_LABELS)

/** What importing `root` (a file's JSON) into `doc` would add. */
export async function plan(doc: ArticleDoc, root: unknown, choices: { anyPage?: boolean } = {}): Promise<ImportPlan> {
  return planImport(doc, await read(root), { ...choices, now: NOW })
}

/** A W3C annotation on `target` quoting `exact` (with its context), with whatever else is given. */
export function w3c(exact: string, extra: Record<string, unknown> = {}, context: { prefix?: string; suffix?: string } = {}, target = 'urn:x-test:article') {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    target: { source: target, selector: { type: 'TextQuoteSelector', exact, ...context } },
    ...extra
  }
}

/** The words at a claim's position in the text. */
export const wordsAt = (doc: ArticleDoc, claim: { position: { start: number; end: number } }) => doc.article.text.slice(claim.position.start, claim.position.end)

/** `doc` with the claims of an import saved in it, stamped as main stamps them (by Ana, on her desk). */
export function saved(doc: ArticleDoc, claims: readonly Claim[]): ArticleDoc {
  const clock = new HybridClock(() => Date.parse(NOW))
  clock.observe(doc.log.at(-1)!.ts)
  return claims.reduce((d, claim) => {
    const ts = clock.next()
    return apply(d, stampImportedClaim(d, claim, { id: `desk-ana.${ts}`, ts, replica: 'desk-ana', by: 'r-ana', name: 'Ana Petrova', at: hlcTime(ts) }))
  }, doc)
}
