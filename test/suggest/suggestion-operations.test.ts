// Answering a suggestion: accepting makes a claim that records it was suggested (scored by main, not the sender);
// dismissing is an operation that stays in the fold, for every writer, until the words change; both undo.
import { describe, expect, it } from 'vitest'
import { openSuggestions } from '../../src/core/analysis'
import { analyseArticle } from '../../src/core/analyse-article'
import { FactmarkError } from '../../src/core/errors'
import { newClaimOperation } from '../../src/core/new-claim'
import { fold, undoOf } from '../../src/core/ops'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { reviseArticle } from '../../src/core/revise'
import { SUGGEST_THRESHOLD } from '../../src/core/suggest'
import { act, created, make, writer } from '../core/stamping'

const TEXT = [
  'In January-June the trade soared almost 80% to make up $294.6 million. The exports totaled $252.6 million, the imports reached $42 million.',
  'Thank you very much for having us here today.',
  'Today Kazakhstan is home to eight joint plants which assemble Belarusian machinery and equipment.'
].join('\n')

function desk() {
  const ana = writer('desk-ana', 'r-ana', 'Ana')
  const ben = writer('desk-ben', 'r-ben', 'Ben', ana.wall.ms + 1)
  const body = bodyFromPlainText(TEXT)
  const doc = created(ana, { id: 'article01', title: 'Trade', text: body.text, blocks: body.blocks, origin: { kind: 'paste' } })
  ben.clock.observe(doc.log[0]!.ts)
  return { ana, ben, doc }
}

const sentence = (text: string, words: string) => {
  const start = text.indexOf(words)
  return { start, end: start + words.length }
}

describe('answering a suggestion', () => {
  it('accepting records the suggestion as main scores the words, whatever score and reasons were sent', () => {
    const { ana, doc } = desk()
    const span = sentence(doc.article.text, 'Today Kazakhstan is home to eight joint plants which assemble Belarusian machinery and equipment.')
    const op = newClaimOperation(doc.article.text, span)
    if (op.type !== 'claim.create') throw new Error('expected a claim.create')
    const forged = { ...op, claim: { ...op.claim, origin: { kind: 'suggested' as const, score: 0.01, kinds: ['courtesy' as const] } } }
    const after = act(ana, doc, forged)
    const claim = after.claims[0]!
    const scored = analyseArticle(doc.article, doc.revision).suggestions.find((s) => s.start === span.start)
    expect(claim.origin?.kind).toBe('suggested')
    expect(claim.origin?.score).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD)
    expect(claim.origin?.score).toBeCloseTo(scored!.score, 6)
    expect(claim.origin?.kinds).toContain('quantity')
    expect(claim.origin?.kinds).not.toContain('courtesy')
    // and the suggestion no longer shows: the claim covers it
    expect(openSuggestions(after, analyseArticle(after.article, after.revision)).map((s) => s.start)).not.toContain(span.start)
  })

  it('a dismissed suggestion stays hidden after a refold and for a colleague, comes back on undo, and when its words change', () => {
    const { ana, ben, doc } = desk()
    const analysis = analyseArticle(doc.article, doc.revision)
    const target = analysis.suggestions.find((s) => s.text.includes('eight joint plants'))!
    expect(target, 'the plants sentence is suggested').toBeDefined()
    const dismissed = act(ana, doc, { type: 'suggestion.dismiss', sentence: target.text })
    expect(openSuggestions(dismissed, analysis).map((s) => s.text)).not.toContain(target.text)
    // reopened: the document is the fold of its log
    const reopened = fold(dismissed.log)
    expect(reopened.dismissed).toEqual([target.text])
    // a colleague's copy with both logs
    const bens = act(ben, fold(dismissed.log), { type: 'article.rename', title: 'Trade 2017', previous: 'Trade' })
    expect(openSuggestions(bens, analyseArticle(bens.article, bens.revision)).map((s) => s.text)).not.toContain(target.text)
    // undo brings it back
    const undone = act(ana, dismissed, undoOf(dismissed.log.at(-1)!))
    expect(undone.dismissed).toEqual([])
    expect(openSuggestions(undone, analysis).map((s) => s.text)).toContain(target.text)
    // new words: a new suggestion
    const revised = act(ana, dismissed, reviseArticle(dismissed, bodyFromPlainText(TEXT.replace('eight joint plants', 'nine joint plants'))))
    const again = analyseArticle(revised.article, revised.revision)
    expect(openSuggestions(revised, again).some((s) => s.text.includes('nine joint plants'))).toBe(true)
  })

  it('refuses to dismiss words the text does not have, and to bring back what was not dismissed', () => {
    const { ana, doc } = desk()
    expect(() => make(ana, doc, { type: 'suggestion.dismiss', sentence: 'Words that are nowhere in the article.' })).toThrow(FactmarkError)
    expect(() => make(ana, doc, { type: 'suggestion.dismiss', sentence: ' Thank you very much for having us here today.' })).toThrow(/not in the article/)
    expect(() => make(ana, doc, { type: 'suggestion.restore', sentence: 'Thank you very much for having us here today.' })).toThrow(/no longer exists/)
  })

  it('dismissing twice keeps one entry', () => {
    const { ana, doc } = desk()
    const words = 'Thank you very much for having us here today.'
    const twice = act(ana, act(ana, doc, { type: 'suggestion.dismiss', sentence: words }), { type: 'suggestion.dismiss', sentence: words })
    expect(twice.dismissed).toEqual([words])
  })
})
