// Changes as the renderer sends them (main stamps who, where and when), for tests and their child processes.
import { newClaimOperation } from '../../src/core/new-claim'
import { newId } from '../../src/core/ids'
import type { ArticleDoc, OperationBody, Verdict } from '../../src/core/model'

/** A claim on the `nth` occurrence of `exact`, as the renderer would send it (main stamps the rest). */
export function claimOn(doc: ArticleDoc, exact: string, nth = 0, id = newId()): OperationBody {
  let start = -1
  for (let i = 0; i <= nth; i++) start = doc.article.text.indexOf(exact, start + 1)
  if (start < 0) throw new Error(`not in the text: ${exact}`)
  return newClaimOperation(doc.article.text, { start, end: start + exact.length }, { id, by: 'renderer', at: '2000-01-01T00:00:00.000Z' })
}

export function noteOn(claimId: string, text: string, id = newId()): OperationBody {
  return { type: 'claim.addNote', claimId, note: { id, text, by: 'renderer', at: '2000-01-01T00:00:00.000Z' } }
}

/** A verdict for a claim as it is in `doc` (its `previous` from there). */
export function verdictOn(doc: ArticleDoc, claimId: string, verdict: Verdict): OperationBody {
  const claim = doc.claims.find((c) => c.id === claimId)
  if (!claim) throw new Error(`no claim ${claimId}`)
  return { type: 'claim.setVerdict', claimId, verdict, previous: claim.verdict }
}

