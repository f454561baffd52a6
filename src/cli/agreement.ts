// `factmark agreement ARTICLE`: how far the article's reviewers agree (Cohen's κ for each pair, Fleiss' κ across all),
// from each reviewer's own verdicts (core/agreement.ts).
import { articleAgreement, formatKappa, kappaWords, type Kappa } from '../core/agreement'
import { UsageError, findArticle, open, parse, type CliIo } from './common'

export const NEEDS_TWO_REVIEWERS = 'Agreement needs verdicts from two reviewers on the same claims.'

export async function agreementCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { workspace: { type: 'string' }, json: { type: 'boolean' } })
  if (positionals.length !== 1) throw new UsageError('agreement takes one ARTICLE (factmark agreement ARTICLE)')
  const workspace = await open(values.workspace, io)
  const doc = workspace.getArticle(findArticle(workspace.listArticles(), positionals[0]!).id)
  const agreement = articleAgreement(doc)
  if (values.json) {
    io.out(JSON.stringify(agreement))
    return 0
  }
  if (agreement.pairs.length === 0) {
    io.out(NEEDS_TWO_REVIEWERS)
    return 0
  }
  for (const pair of agreement.pairs) {
    io.out(`${shown(pair.names[0])} and ${shown(pair.names[1])}: ${count(pair.claims, 'claim')} both judged, ${pair.agreed} agreed; Cohen's κ ${kappaText(pair)}`)
  }
  const { overall } = agreement
  io.out(
    `Overall: ${count(overall.claims, 'claim')} judged by two or more of ${count(overall.raters, 'reviewer')}, ${overall.agreedClaims} agreed by all; Fleiss' κ ${kappaText(overall)}`
  )
  return 0
}

/** "0.62 (substantial)", or why there is none. */
function kappaText(k: Kappa): string {
  return k.kappa === null ? `undefined (${k.reason ?? 'not enough data'})` : `${formatKappa(k.kappa)} (${kappaWords(k.kappa)})`
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`

/** A reviewer's name on one terminal line: no control characters (no line breaks, no escape sequences). */
function shown(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim()
}
