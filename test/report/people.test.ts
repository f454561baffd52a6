// Operations and authors hold reviewers' stable ids; every report shows their names, as the document knows them now.

import { describe, expect, it } from 'vitest'
import { personName } from '../../src/core/history'
import { exportReport, REPORT_FORMATS } from '../../src/core/report'
import { claimHistory } from '../../src/core/report/history'
import { reviewers } from '../../src/core/report/people'
import { BASHIR, change, REVIEWER_IDS, disagreementDoc, revisedDoc, sampleDoc, sampleOptions } from './sample-doc'

const IDS = Object.values(REVIEWER_IDS)
const full = sampleOptions({ includeHistory: true, includeNotes: true })

describe('reports', () => {
  it.each(REPORT_FORMATS)('in %s name reviewers, never by their ids', (format) => {
    for (const doc of [sampleDoc(), revisedDoc(), disagreementDoc()]) {
      // The document holds ids everywhere a person is meant…
      expect(doc.claims.every((c) => IDS.includes(c.createdBy))).toBe(true)
      const out = exportReport(format, doc, full)
      // …and the report none of them.
      for (const id of IDS) expect(out).not.toContain(id)
    }
  })

  it('show a reviewer who renamed themself by the new name, in their old changes too', () => {
    const doc = sampleDoc()
    // (claim-b holds a source no store lets in, so a change to it would be left out: core/invariants.ts)
    const b = doc.claims.find((c) => c.id === 'claim-c')!
    // Bashir, who now goes by "B. Haddad", changes something: his latest operation gives the document his new name.
    const as = change(doc, BASHIR, 70, { type: 'claim.setClaimant', claimId: b.id, claimant: 'Channel', previous: b.claimant }, 'B. Haddad')
    expect(as.people[REVIEWER_IDS[BASHIR]!]).toBe('B. Haddad')
    expect(reviewers(as)).toEqual(['Ana Petrova', 'B. Haddad', 'Chen Wei'])
    for (const format of REPORT_FORMATS) expect(exportReport(format, as, full)).not.toContain(BASHIR)
    expect(exportReport('md', as, full)).toContain('B. Haddad: set the verdict to Disputed (was Unreviewed)')
    expect(claimHistory(as, b.id, { ...full, isolate: false }).map((h) => h.by)).toContain('B. Haddad')
  })

  it('fall back on the id for someone the document has no name for, rather than showing nothing', () => {
    expect(personName({ 'r-ana': 'Ana Petrova' }, 'r-ana')).toBe('Ana Petrova')
    expect(personName({ 'r-ana': '  ' }, 'r-ana')).toBe('r-ana')
    expect(personName({}, 'r-x-1y7mkjr')).toBe('r-x-1y7mkjr')
    expect(personName({}, '')).toBe('Unknown reviewer')
    const doc = sampleDoc()
    const { [REVIEWER_IDS['Chen Wei']!]: _chen, ...others } = doc.people
    expect(reviewers({ ...doc, people: others })).toEqual(['Ana Petrova', 'Bashir Haddad', 'r-chen'])
  })

  it('count only reviewing as reviewing: whoever imported the article is not a reviewer by that alone', () => {
    const doc = sampleDoc()
    const imported = { ...doc, claims: [], log: doc.log.slice(0, 1), people: { ...doc.people, 'r-ana': 'Ana Petrova' } }
    expect(imported.log[0]!.type).toBe('article.create')
    expect(reviewers(imported)).toEqual([])
  })
})
