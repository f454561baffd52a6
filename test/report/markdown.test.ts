import { describe, expect, it } from 'vitest'
import { ArticleDoc } from '../../src/core/model'
import { escapeMarkdown, exportMarkdown } from '../../src/core/report/markdown'
import { HOSTILE_NOTE, MARKUP_NOTE, sampleDoc, sampleOptions } from './sample-doc'

/** What a CommonMark reader shows for escaped text: each backslash escape gives its character back. */
const unescape = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1')

describe('exportMarkdown', () => {
  const doc = sampleDoc()
  const md = exportMarkdown(doc, sampleOptions({ includeHistory: true }))
  const lines = md.split('\n')

  it('shows a note\'s markup as literal text: no raw HTML, link, emphasis, heading or list comes through', () => {
    // Every < is backslash-escaped, except those around link destinations: no raw HTML can start.
    const withoutLinks = md.replace(/\]\(<https?:\/\/[^>\s]*>\)/g, '](…)')
    expect(withoutLinks).not.toMatch(/(?<!\\)</)
    expect(withoutLinks).toContain('\\<script\\>')
    expect(md).not.toMatch(/(?<!\\)\]\((?!<https?:\/\/)/) // every link (an unescaped `](`) goes to an http(s) address
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> Customs says "$249,1 млн", not $252,6.\\')
    expect(md).toContain('\\*bold\\* \\[x\\](javascript:alert(1)) \\| pipe \\| \\`code\\` \\&amp;\\')
    // Line-start markup inside the note is escaped on each line, and the lines stay in the list item.
    expect(lines).toContain('  \\# not a heading\\')
    expect(lines).toContain('  \\- not a list\\')
    expect(lines).toContain('  1\\. not a list either')
    // Read back, the note's lines are the note's lines.
    const start = lines.findIndex((l) => l.includes('alert(1)'))
    const note1 = lines.slice(start, start + 2).map((l) => unescape(l.trim().replace(/\\$/, '')))
    expect(note1).toEqual(HOSTILE_NOTE.split('\n'))
    const start2 = lines.findIndex((l) => l.includes('\\*bold\\*'))
    const note2 = lines.slice(start2, start2 + 4).map((l) => unescape(l.trim().replace(/\\$/, '')))
    expect(note2).toEqual(MARKUP_NOTE.split('\n'))
  })

  it('has the title, source, date, reviewers and the summary counts', () => {
    expect(lines[0]).toBe('# Trade "boom", tariffs, and a 🌍 roundup')
    expect(md).toContain('- **Source:** [Example Wire](<https://news.example.org/wire/roundup?id=42&lang=en>)')
    expect(md).toContain('- **Published:** 14 August 2017')
    expect(md).toContain('- **Reviewers:** Ana Petrova, Bashir Haddad, Chen Wei')
    expect(md).toContain('**Progress:** 10 of 12 reviewed — 3 verified, 3 disputed, 2 needs context, 2 unverifiable')
    for (const row of ['| ✓ Verified | 3 |', '| ✗ Disputed | 3 |', '| ⚠ Needs context | 2 |', '| ? Unverifiable | 2 |', '| ○ Unreviewed | 2 |']) {
      expect(lines).toContain(row)
    }
  })

  it('lists each claim in article order with its quote in context, verdict, fields and sources', () => {
    const headings = lines.filter((l) => l.startsWith('### '))
    expect(headings.map((h) => Number(/^### (\d+)\./.exec(h)![1]))).toEqual(doc.claims.map((_, i) => i + 1))
    expect(headings[2]).toBe('### 3. ✗ Disputed')
    expect(md).toContain('> Minsk — Экспорт Беларуси в Казахстан в январе–июне **составил $252,6 млн, сообщил премьер-министр**.')
    expect(md).toContain('> …emoji 👨‍👩‍👧‍👦 and flags 🇧🇾🇰🇿 are single characters to a reader but **several code points to a computer. Combining marks**: ')
    expect(md).toContain('- **Conclusion:** \\=HYPERLINK("http://evil.example","click")')
    expect(md).toContain('- **Claimant:** Ministry of Trade')
    expect(md).toContain('- **Tags:** trade, Kazakhstan')
    expect(md).toContain('*Bashir Haddad, 28 November 2026, edited 28 November 2026:*\\')
    expect(md).toContain(
      '1. [Foreign trade, January–June 2017 & "Kazakhstan"](<https://www.belstat.gov.by/en/search?q=export&year=2017>) — Belstat · *supports* · accessed 2026-11-27'
    )
    expect(md).toContain('   > Exports to Kazakhstan: $252.6m,\\\n   > "up 12%"')
    // Not a web link: named, with its address as plain text.
    expect(md).toContain('2. Not a web link (javascript:alert(1)) — Nobody · *context* · accessed 2026-11-27')
    expect(md).toContain('1. [\\<b\\>Customs\\</b\\> report](<http://customs.example.by/report?id=7&lang=ru>) — State Customs Committee · *refutes*')
  })

  it('follows the options', () => {
    expect(md).toContain('**History**')
    expect(md).toContain('- 2026-11-28 09:20 UTC — Bashir Haddad: set the verdict to Disputed (was Unreviewed)')
    expect(md).toContain('## Other changes')
    const plain = exportMarkdown(doc, sampleOptions())
    expect(plain).not.toContain('**History**')
    expect(plain).not.toContain('## Other changes')

    const quiet = exportMarkdown(doc, sampleOptions({ includeNotes: false, includeUnreviewed: false, includeHistory: true }))
    expect(quiet).not.toContain('**Notes**')
    expect(quiet).not.toContain('Customs says')
    expect(quiet).not.toContain('claim-g')
    expect(quiet).not.toContain('### 9.')
    expect(quiet).toContain('### 10. ? Unverifiable')
    expect(quiet).toContain('*2 unreviewed claims are not listed below.*')
  })

  it('escapes a title that would otherwise be markup', () => {
    const odd = ArticleDoc.parse({ ...doc, article: { ...doc.article, title: '# Not *this* | <b>x</b> #' } })
    expect(exportMarkdown(odd, sampleOptions()).split('\n')[0]).toBe('# \\# Not \\*this\\* \\| \\<b\\>x\\</b\\> \\#')
    expect(escapeMarkdown('1. first\n2) second')).toBe('1\\. first 2) second')
    expect(escapeMarkdown('+ plus')).toBe('\\+ plus')
    expect(escapeMarkdown('&copy; and & alone')).toBe('\\&copy; and & alone')
  })
})
