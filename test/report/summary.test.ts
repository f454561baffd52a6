// The summary: shares that add up to 100 %, and how many claims need a look after an update.

import { describe, expect, it } from 'vitest'
import { countLooks, needsLookLine, percentShares } from '../../src/core/progress'
import { exportHtml } from '../../src/core/report/html'
import { REPORT_CSS } from '../../src/core/report/html-style'
import { revisedDoc, sampleDoc, sampleOptions } from './sample-doc'

/** The Share column of the HTML summary table, as numbers. */
function shareColumn(html: string): number[] {
  const tbody = /<table class="counts">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)![1]!
  return [...tbody.matchAll(/<td class="n">(\d+)%<\/td><\/tr>/g)].map((m) => Number(m[1]))
}

describe('shares', () => {
  it('add up to 100 by largest remainder', () => {
    expect(percentShares([2, 2, 2, 1, 1])).toEqual([25, 25, 25, 13, 12])
    expect(percentShares([1, 1, 1])).toEqual([34, 33, 33])
    expect(percentShares([3, 3, 2, 2, 2])).toEqual([25, 25, 17, 17, 16])
    expect(percentShares([1, 0, 0])).toEqual([100, 0, 0])
    expect(percentShares([0, 0])).toEqual([0, 0])
    for (const counts of [[1, 1, 1, 1, 1, 1, 1], [7, 1, 1], [1, 2, 3, 4, 5], [999, 1, 1]]) {
      expect(percentShares(counts).reduce((a, b) => a + b, 0)).toBe(100)
    }
  })

  it('in the HTML summary table add up to 100 % (3, 3, 2, 2, 2 of 12 once showed 101 %)', () => {
    const shares = shareColumn(exportHtml(sampleDoc(), sampleOptions()))
    expect(shares).toEqual([25, 25, 17, 17, 16])
    expect(shareColumn(exportHtml(revisedDoc(), sampleOptions())).reduce((a, b) => a + b, 0)).toBe(100)
  })
})

describe('claims that need a look', () => {
  it('are counted by placement, and by verdicts given for earlier words, each claim once in the total', () => {
    const doc = revisedDoc()
    expect(countLooks(doc.claims)).toEqual({ moved: 1, 'text-changed': 1, 'not-found': 1, earlierWording: 1, total: 4 })
    expect(needsLookLine(sampleDoc().claims)).toBe('')
    // A claim both moved and judged on earlier words counts once.
    const both = doc.claims.map((c) => (c.id === 'c-moved' ? { ...c, verdictWording: 'older words' } : c))
    expect(countLooks(both)).toMatchObject({ moved: 1, earlierWording: 2, total: 4 })
    expect(needsLookLine(both)).toBe('4 of 6 need a look — 1 moved, 1 text changed, 1 not found, 2 verdicts given for the earlier wording')
  })
})

describe('long unbroken text', () => {
  // Checked by eye too: a 20,000-letter word and a 3,000-character URL, screenshot and PDF, stay inside the page.
  it('may break anywhere, inherited by everything in the report, tables included', () => {
    expect(REPORT_CSS).toMatch(/\nbody \{[^}]*overflow-wrap: anywhere;/)
    expect(REPORT_CSS).toMatch(/\ntd, th \{ word-break: break-word; \}/)
    // Numbers in the summary table never break ("10 0%").
    expect(REPORT_CSS).toMatch(/\.counts td\.n, \.counts th\.n \{[^}]*white-space: nowrap;/)
    // A verdict label of the workspace's own may be long: badges wrap rather than stretch.
    expect(/\.badge \{[^}]*\}/.exec(REPORT_CSS)![0]).not.toContain('nowrap')
  })
})
