// Version-1 article files, written by version-1 main (test/fixtures/v1-workspace), as version-2 logs: the fold of the
// migrated operations is what the file held, with its whole history.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareStamps } from '../../src/core/clock'
import { describeOperation } from '../../src/core/history'
import { migrateV1, reviewerIdForName, V1_REPLICA } from '../../src/core/migrate-v1'
import { ArticleDoc, DEFAULT_VERDICT_LABELS, Operation, type Claim } from '../../src/core/model'
import { ArticleDocV1 } from '../../src/core/model-v1'
import { apply, fold } from '../../src/core/ops'
import { make, writer } from './stamping'

const dir = join(import.meta.dirname, '..', 'fixtures', 'v1-workspace', 'articles')
const read = (id: string) => ArticleDocV1.parse(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')))
const REVIEWED = '99rb2cajmr' // every kind of version-1 operation, two reviewers
const PASTED = '7jrh53aie4' // imported, never reviewed

/** A version-1 claim as version 2 holds it: the same, with reviewers' names as their ids. */
function asV2(claim: Claim): Claim {
  return {
    ...claim,
    createdBy: reviewerIdForName(claim.createdBy),
    notes: claim.notes.map((n) => ({ ...n, by: reviewerIdForName(n.by) })),
    sources: claim.sources.map((s) => ({ ...s, by: reviewerIdForName(s.by) }))
  }
}

describe('a version-1 article', () => {
  const v1 = read(REVIEWED)
  const ops = migrateV1(v1)
  const doc = fold(ops)

  it('becomes valid operations, in the log’s own order though its times go back, with stable ids', () => {
    for (const op of ops) expect(Operation.safeParse(op).success).toBe(true)
    expect([...ops].sort(compareStamps)).toEqual(ops)
    expect(ops.every((op) => op.replica === V1_REPLICA)).toBe(true)
    expect(new Set(ops.map((op) => op.id)).size).toBe(ops.length)
    // The times the file recorded go before the article's creation; the order does not follow them.
    expect(v1.log[0]!.at < v1.article.createdAt).toBe(true)
    expect(migrateV1(read(REVIEWED))).toEqual(ops) // the same on every machine that migrates it
  })

  it('keeps all 25 changes, after its creation, each with who made it and when', () => {
    expect(ops).toHaveLength(26)
    expect(ops[0]).toMatchObject({ type: 'article.create', rev: ops[0]!.id })
    expect(ops.slice(1).map((op) => op.type)).toEqual(v1.log.map((op) => op.type))
    ops.slice(1).forEach((op, i) => {
      const old = v1.log[i]!
      expect(op.at).toBe(old.at)
      expect(op.name).toBe(old.by)
      expect(op.by).toBe(reviewerIdForName(old.by))
    })
    // Changes after the update of the text were made against it.
    const revise = ops.find((op) => op.type === 'article.revise')!
    expect(ops.filter((op) => op.type === 'claim.placeAnchor').every((op) => op.rev === revise.id)).toBe(true)
    expect(doc.log).toEqual(ops)
    const lines = doc.log.map((op) => describeOperation(op, { verdictLabels: DEFAULT_VERDICT_LABELS, includeNotes: true }))
    expect(lines).toHaveLength(26)
    expect(lines[0]).toBe('added the article “Belarus aims to intensify trade and economic cooperation with Kazakhstan”')
    expect(lines).toContain('renamed the article to “Belarus and Kazakhstan: trade up 80%” (was “Belarus aims to intensify trade and economic cooperation with Kazakhstan”)')
  })

  it('folds to exactly what the file held: every claim, verdict, note, source, tag, placement and verdict wording', () => {
    expect(ArticleDoc.safeParse(doc).success).toBe(true)
    expect(ops.some((op) => op.type === 'article.snapshot')).toBe(false) // its log accounts for all of it
    const { createdBy: _c, ...article } = doc.article
    const { createdBy: _v, ...expectedArticle } = v1.article
    expect(article).toEqual(expectedArticle)
    expect(doc.claims.map(({ verdicts: _verdicts, ...c }) => c)).toEqual(v1.claims.map(asV2))
    // Spot checks of what matters most, so that a failure above reads clearly.
    const [trade, plants, year] = ['claim-trade', 'claim-plants', 'claim-year'].map((id) => doc.claims.find((c) => c.id === id)!)
    expect(trade).toMatchObject({ verdict: 'disputed', tags: ['trade', 'statistics'], claimant: 'Andrei Kobyakov', conclusion: 'Belstat says +79.6%, rounded up.' })
    expect(trade!.notes.map((n) => [n.id, n.text, n.editedAt])).toEqual([['note-one', 'Checked the January–June bulletin, table 3.', '2026-11-20T09:19:00.000Z']])
    expect(trade!.sources.map((s) => s.id)).toEqual(['source-belstat'])
    expect(plants).toMatchObject({ verdict: 'verified', verdictWording: 'Today Kazakhstan is home to eight joint plants' })
    expect(year!.notes[0]!.by).toBe(reviewerIdForName('Bashir Haddad'))
    expect(doc.claims.some((c) => c.id === 'claim-third')).toBe(false) // deleted, undone, deleted again
    // Each verdict is the one its reviewer set; the log has no concurrency, so none disagree.
    expect(trade!.verdicts).toEqual([{ op: ops.find((op) => op.type === 'claim.setVerdict' && op.claimId === 'claim-trade')!.id, by: reviewerIdForName('Ana Petrova'), verdict: 'disputed' }])
    expect(doc.people[reviewerIdForName('Ana Petrova')]).toBe('Ana Petrova')
    expect(doc.people[reviewerIdForName('Bashir Haddad')]).toBe('Bashir Haddad')
  })

  it('takes new changes on top: a writer that has read the log makes operations that sort after it', () => {
    const w = writer('desk-new', reviewerIdForName('Bashir Haddad'), 'Bashir Haddad', Date.parse('2026-11-01T00:00:00.000Z')) // a clock behind
    for (const op of ops) w.clock.observe(op.ts)
    const trade = doc.claims.find((c) => c.id === 'claim-trade')!
    const next = apply(doc, make(w, doc, { type: 'claim.setConclusion', claimId: trade.id, conclusion: 'Belstat: +79.6%.', previous: trade.conclusion }))
    expect(next.log.at(-1)!.ts > ops.at(-1)!.ts).toBe(true)
    expect(next.claims.find((c) => c.id === 'claim-trade')!.conclusion).toBe('Belstat: +79.6%.')
  })
})

describe('version-1 reviewers', () => {
  it('get one id per name, the same in every article and however the name is normalised', () => {
    const pasted = fold(migrateV1(read(PASTED)))
    const reviewed = fold(migrateV1(read(REVIEWED)))
    const bashir = reviewerIdForName('Bashir Haddad')
    expect(pasted.article.createdBy).toBe(bashir)
    expect(reviewed.log.filter((op) => op.name === 'Bashir Haddad').every((op) => op.by === bashir)).toBe(true)
    expect(reviewerIdForName('José')).toBe(reviewerIdForName('Jose\u0301'))
    expect(reviewerIdForName('Ana Petrova')).not.toBe(reviewerIdForName('Ana Petrová'))
    expect(reviewerIdForName('Ana Petrova')).toMatch(/^r-ana-petrova-[a-z0-9]+$/)
    expect(reviewerIdForName('李伟')).toMatch(/^r-[a-z0-9]+$/) // no letters to spell it with: the hash alone
  })

  it('an article imported and never reviewed is its creation alone', () => {
    const v1 = read(PASTED)
    const ops = migrateV1(v1)
    expect(ops.map((op) => op.type)).toEqual(['article.create'])
    const doc = fold(ops)
    expect(doc.claims).toEqual([])
    expect({ ...doc.article, createdBy: 'x' }).toEqual({ ...v1.article, createdBy: 'x' })
  })
})

describe('a version-1 file edited by hand', () => {
  it('gets a snapshot at the end of its log, and still ends in the state the file had', () => {
    const v1 = read(REVIEWED)
    // Someone changed a conclusion and a title in the file, without the log knowing.
    const edited: ArticleDocV1 = {
      ...v1,
      article: { ...v1.article, title: 'Edited by hand' },
      claims: v1.claims.map((c) => (c.id === 'claim-year' ? { ...c, conclusion: 'Typed into the JSON.' } : c))
    }
    const ops = migrateV1(edited)
    expect(ops).toHaveLength(27)
    const snapshot = ops.at(-1)!
    expect(snapshot).toMatchObject({ type: 'article.snapshot', reason: 'the version-1 file held changes its log did not record' })
    expect(ops.slice(0, 26)).toEqual(migrateV1(v1)) // the history before it is the file's own
    const doc = fold(ops)
    expect(doc.article.title).toBe('Edited by hand')
    expect(doc.claims.map(({ verdicts: _v, ...c }) => c)).toEqual(edited.claims.map(asV2))
    expect(describeOperation(snapshot, { verdictLabels: DEFAULT_VERDICT_LABELS, includeNotes: true })).toBe(
      'brought the article to its saved state (the version-1 file held changes its log did not record)'
    )
  })
})
