import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli/run'
import { createSelectors } from '../src/core/anchoring/selectors'
import { openWorkspace } from '../src/main/workspace/workspace'
import { fixturePath, tempDir } from './helpers/temp-dir'

async function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: process.env })
  return { code, out, err }
}

/** A workspace made by the CLI, with two claims added the way the app adds them (operations). */
async function reviewedWorkspace() {
  const dir = await tempDir()
  const { out } = await cli(['import', fixturePath('belta-2017-08-14-belarus-kazakhstan-trade.txt'), '--workspace', dir, '--title', 'Belarus–Kazakhstan trade'])
  const id = out[0]!
  const workspace = await openWorkspace(dir, { watch: false })
  const text = workspace.getArticle(id).article.text
  const at = '2026-11-28T10:00:00.000Z'
  for (const [n, exact, verdict] of [
    [1, 'soared almost 80% to make up $294.6 million', 'disputed'],
    [2, 'eight joint plants', 'verified']
  ] as const) {
    const start = text.indexOf(exact)
    const claim = {
      id: `claim00${n}`, ...createSelectors(text, start, start + exact.length), verdict: 'unreviewed' as const, conclusion: '', claimant: 'Andrei Kobyakov',
      tags: [], notes: [], sources: [], createdBy: 'Ana', createdAt: at, updatedAt: at
    }
    await workspace.applyOperation(id, { type: 'claim.create', claim })
    await workspace.applyOperation(id, { type: 'claim.setVerdict', claimId: claim.id, verdict, previous: 'unreviewed' })
  }
  await workspace.applyOperation(id, {
    type: 'claim.addNote', claimId: 'claim001',
    note: { id: 'note0001', text: 'Belstat: +79.6%, "not 80%",\n<b>check</b>', by: 'Ana', at }
  })
  await workspace.close()
  return { dir, id }
}

describe('factmark export', () => {
  it('says on stderr which claims ClaimReview leaves out and why, and still exits 0', async () => {
    const { dir, id } = await reviewedWorkspace()
    const workspace = await openWorkspace(dir, { watch: false })
    const text = workspace.getArticle(id).article.text
    const exact = 'third among the CIS member states'
    const start = text.indexOf(exact)
    const at = '2026-11-28T11:00:00.000Z'
    const claim = {
      id: 'claim003', ...createSelectors(text, start, start + exact.length), verdict: 'unreviewed' as const, conclusion: '', claimant: '',
      tags: [], notes: [], sources: [], createdBy: 'Ana', createdAt: at, updatedAt: at
    }
    await workspace.applyOperation(id, { type: 'claim.create', claim })
    await workspace.close()
    const result = await cli(['export', id, '--workspace', dir, '--format', 'claimreview', '--out', join(dir, 'r.jsonld')])
    expect(result).toEqual({ code: 0, out: [join(dir, 'r.jsonld')], err: ['factmark: note: 1 claim left out: 1 unreviewed.'] })
    expect(JSON.parse(await readFile(join(dir, 'r.jsonld'), 'utf8'))).toHaveLength(2)
  })

  it('writes all six formats from a workspace made by the CLI, by id or by title', async () => {
    const { dir, id } = await reviewedWorkspace()
    const out = (name: string) => join(dir, name)

    for (const [format, name, article] of [
      ['html', 'r.html', id], ['pdf', 'r.pdf', 'kazakhstan trade'], ['md', 'r.md', id],
      ['csv', 'r.csv', id], ['w3c', 'r.jsonld', id], ['claimreview', 'r.claimreview.jsonld', id]
    ]) {
      const result = await cli(['export', article!, '--workspace', dir, '--format', format!, '--out', out(name!)])
      expect(result, format).toEqual({ code: 0, out: [out(name!)], err: [] })
    }

    const html = await readFile(out('r.html'), 'utf8')
    expect(html).toContain('<h1')
    expect(html).toContain('Belarus–Kazakhstan trade')
    expect(html).toContain('&lt;b&gt;check&lt;/b&gt;')
    expect((await readFile(out('r.pdf'))).subarray(0, 5).toString()).toBe('%PDF-')
    expect(await readFile(out('r.md'), 'utf8')).toContain('eight joint plants')

    const rows = parse(await readFile(out('r.csv'), 'utf8'), { columns: true }) as Record<string, string>[]
    expect(rows.map((r) => Object.values(r).find((v) => v.includes('almost 80%') || v.includes('joint plants')))).toEqual([
      'soared almost 80% to make up $294.6 million',
      'eight joint plants'
    ])
    expect(rows.some((r) => Object.values(r).some((v) => v.includes('Belstat: +79.6%, "not 80%",\n<b>check</b>')))).toBe(true)

    const w3c = JSON.parse(await readFile(out('r.jsonld'), 'utf8'))
    expect(w3c.type).toBe('AnnotationCollection')
    expect(w3c.first.items).toHaveLength(2)
    expect(w3c.first.items.every((a: { motivation: string }) => a.motivation === 'assessing')).toBe(true)

    const reviews = JSON.parse(await readFile(out('r.claimreview.jsonld'), 'utf8'))
    const list = Array.isArray(reviews) ? reviews : reviews['@graph']
    expect(list.map((r: { claimReviewed: string; reviewRating: { alternateName: string; ratingValue?: number } }) => [r.claimReviewed, r.reviewRating.alternateName, r.reviewRating.ratingValue])).toEqual([
      ['soared almost 80% to make up $294.6 million', 'Disputed', 1],
      ['eight joint plants', 'Verified', 5]
    ])
  }, 60_000)

  it('honours the report options', async () => {
    const { dir, id } = await reviewedWorkspace()
    await cli(['export', id, '--workspace', dir, '--format', 'md', '--no-notes', '--out', join(dir, 'no-notes.md')])
    expect(await readFile(join(dir, 'no-notes.md'), 'utf8')).not.toContain('Belstat')
    await cli(['export', id, '--workspace', dir, '--format', 'csv', '--bom', '--out', join(dir, 'excel.csv')])
    expect([...(await readFile(join(dir, 'excel.csv'))).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('says what to install when no Chromium is there to print a PDF, and writes nothing', async () => {
    const { dir, id } = await reviewedWorkspace()
    const err: string[] = []
    const code = await runCli(['export', id, '--workspace', dir, '--format', 'pdf', '--out', join(dir, 'r.pdf')], {
      out: () => {},
      err: (l) => err.push(l),
      env: { FACTMARK_CHROMIUM: join(dir, 'no-such-browser') }
    })
    expect({ code, err }).toEqual({
      code: 1,
      err: ['factmark: PDF export needs Chromium or Chrome: install it (e.g. apt-get install chromium) or set FACTMARK_CHROMIUM to its path.']
    })
    await expect(readFile(join(dir, 'r.pdf'))).rejects.toThrow(/ENOENT/)
  })

  it.each([
    [['export', 'nosuch', '--format', 'md', '--out', 'OUT'], 1, 'factmark: no article in the workspace with the id or title "nosuch" (factmark list shows them)'],
    [['export', 'trade', '--format', 'docx', '--out', 'OUT'], 1, 'factmark: unknown format "docx"; use one of html, pdf, md, csv, w3c, claimreview'],
    [['export', 'trade', '--out', 'OUT'], 2, 'factmark: export needs --format html|pdf|md|csv|w3c|claimreview'],
    [['export', 'trade', '--format', 'md'], 2, 'factmark: export needs --out FILE']
  ])('%j exits %i with one clear line', async (args, code, line) => {
    const { dir } = await reviewedWorkspace()
    const result = await cli([...args.map((a) => (a === 'OUT' ? join(dir, 'out') : a)), '--workspace', dir])
    expect(result).toEqual({ code, out: [], err: [line] })
  })
})
