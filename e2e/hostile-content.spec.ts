// Hostile content end to end (test/helpers/hostile-strings.ts): an article of XSS and mXSS vectors, NUL and control
// characters, lone surrogates, right-to-left overrides and a 10,000-character word, with claims, notes, tags, a
// claimant, a conclusion and sources all as hostile, a reviewer and an organisation named with vectors. The app must
// show every string as text and run nothing; every export must carry them as text.
//
// "No element came from a vector" is checked against a twin: the same steps on an article whose strings are harmless
// letters of the same lengths. The two views must hold the very same elements with the same attributes; an <img>,
// an onerror or an <svg> that only the hostile view has came from a string. (Both the app and the HTML report have
// a Content-Security-Policy that would stop most vectors from running even if parsed: the twin check, the CSP
// violation listener and the report opened without its CSP make sure escaping alone holds.)

import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Locator, Page } from '@playwright/test'
import { parse as parseCsv } from 'csv-parse/sync'
import { shorten } from '../src/core/shorten'
import { asUtf8, LONG_WORD, ODD, PWN, RLO, TAG_VECTORS, VECTORS } from '../test/helpers/hostile-strings'
import { test, expect } from './support/launch-app'
import { answerReviewerPrompt, articleText, claimList, claimPanel } from './support/review'
import { SCREENSHOT_DIR, saveScreenshot } from './support/screenshots'

const benign = (text: string) => text.replace(/[^A-Za-z0-9 ]/g, 'a')
const vector = (name: string) => VECTORS.find((x) => x.name === name)!.text

/** One article's worth of strings; the twin is the same with every string made harmless. */
function strings(words: (text: string) => string) {
  const paragraphs = [...VECTORS.map((x) => x.text), ODD.controls, ODD.surrogates, ODD.bidi, LONG_WORD].map(words)
  const at = (name: string) => VECTORS.findIndex((x) => x.name === name)
  return {
    title: words(`${vector('title-close')} ${ODD.bidi}`),
    reviewer: words(`<img src=x onerror=${PWN}> ${RLO}eman`),
    paragraphs,
    /** Blocks marked as claims through the UI, each with the verdict key pressed after. */
    claims: [
      [0, '2'], [at('img-onerror'), '1'], [at('iframe-srcdoc'), '3'], [at('md-link'), '4'], [at('csv-hyperlink'), '2'],
      [VECTORS.length, '1'], [VECTORS.length + 1, '3'], [VECTORS.length + 2, '4'], [VECTORS.length + 3, '2']
    ] as [number, string][],
    claimant: words(vector('quote-gt-script')),
    tags: TAG_VECTORS.slice(0, 6).map((x) => words(x.text)),
    conclusion: words([vector('csv-hyperlink'), vector('svg-onload'), ODD.controls, ODD.surrogates].join('\n')),
    /** Typed into the note form; the rest go in through the same window.factmark call the form makes. */
    typedNotes: [words(vector('script')), words(ODD.controls), words(ODD.surrogates)],
    sentNotes: [...VECTORS.map((x) => words(x.text)), words(ODD.bidi), words(LONG_WORD)],
    typedSource: {
      url: `https://example.org/?q=${words(vector('script'))}`,
      title: words(vector('noscript-title')),
      publisher: words(`${vector('apos-gt-img')} ${ODD.bidi}`),
      excerpt: words([vector('textarea-close'), ODD.surrogates, vector('md-image')].join('\n'))
    },
    sentSources: VECTORS.filter((_, i) => i % 6 === 1).map((x) => ({
      url: `https://example.org/?q=${words(x.text)}`,
      title: words(x.text),
      publisher: words(vector('comment-open')),
      excerpt: words(`${x.text}\n${ODD.bidi}`)
    }))
  }
}
type Strings = ReturnType<typeof strings>
const HOSTILE = strings((s) => s)
const TWIN = strings(benign)

/**
 * Sets a field's value as a paste does and tells the app (an input event). Playwright's fill goes through CDP's
 * insertText, which turns a lone surrogate into U+FFFD; this keeps every code unit.
 */
async function setValue(field: Locator, value: string): Promise<void> {
  await field.focus()
  await field.evaluate((element, value) => {
    ;(element as HTMLInputElement).value = value
    element.dispatchEvent(new Event('input', { bubbles: true }))
  }, value)
}

async function importArticle(page: Page, s: Strings): Promise<string> {
  await page.getByRole('button', { name: 'New article…' }).click()
  const dialog = page.getByRole('dialog', { name: 'New article' })
  await setValue(dialog.getByRole('textbox', { name: 'Text' }), s.paragraphs.join('\n\n'))
  await setValue(dialog.getByRole('textbox', { name: 'Title (optional)' }), s.title)
  await dialog.getByRole('button', { name: 'Add article' }).click()
  await expect(dialog).toBeHidden()
  await expect(articleText(page).locator('[data-block]')).toHaveCount(s.paragraphs.length)
  return (await page.getByRole('navigation', { name: 'Articles' }).locator('[aria-current="page"]').getAttribute('data-article-id'))!
}

async function openArticle(page: Page, id: string, blocks?: number): Promise<void> {
  const item = page.getByRole('navigation', { name: 'Articles' }).locator(`[data-article-id="${id}"]`)
  await item.click()
  await expect(item).toHaveAttribute('aria-current', 'page')
  if (blocks !== undefined) await expect(articleText(page).locator('[data-block]')).toHaveCount(blocks)
}

/** Selects the whole of block `block`, as a drag over it would. */
async function selectBlock(page: Page, block: number): Promise<void> {
  await page.evaluate((block) => {
    const node = document.querySelector(`[data-testid="article-text"] [data-block="${block}"]`)!.firstChild as Text
    node.parentElement!.scrollIntoView({ block: 'center' })
    window.getSelection()!.setBaseAndExtent(node, 0, node, node.length)
  }, block)
}

/**
 * The review, the same steps for the hostile article and its twin: claims marked in the UI, notes and sources sent
 * the way the forms send them, then claimant, tags, conclusion, notes and a source through the panel's own fields.
 */
async function review(page: Page, articleId: string, s: Strings, others: string): Promise<void> {
  const items = claimList(page).getByRole('listitem')
  for (const [n, [block, key]] of s.claims.entries()) {
    await selectBlock(page, block)
    await page.keyboard.press('m')
    if (s === TWIN && n === 0) await answerReviewerPrompt(page, s.reviewer)
    await expect(items).toHaveCount(n + 1)
    await page.keyboard.press(key)
  }
  // What the note and source forms send, for the many strings: window.factmark.applyOperation.
  const sent = await page.evaluate(
    async ({ articleId, notes, sources }) => {
      const unwrap = <T,>(r: { ok: true; value: T } | { ok: false; error: { message: string } }) => {
        if (!r.ok) throw new Error(r.error.message)
        return r.value
      }
      const me = unwrap(await window.factmark.getWorkspace()).me!.id
      const doc = unwrap(await window.factmark.getArticle({ id: articleId }))
      const claimId = [...doc.claims].sort((a, b) => a.position.start - b.position.start)[0]!.id
      const at = new Date().toISOString()
      for (const [i, text] of notes.entries()) {
        unwrap(await window.factmark.applyOperation({ articleId, op: { type: 'claim.addNote', claimId, note: { id: `sent-note-${i}`, text, by: me, at } } }))
      }
      for (const [i, source] of sources.entries()) {
        const op = { type: 'claim.addSource' as const, claimId, source: { id: `sent-source-${i}`, ...source, stance: 'refutes' as const, accessedAt: '2026-11-27', by: me, at } }
        unwrap(await window.factmark.applyOperation({ articleId, op }))
      }
      return claimId
    },
    { articleId, notes: s.sentNotes, sources: s.sentSources.map((x) => ({ ...x, url: new URL(x.url).href })) }
  )
  // Main tells the window of other writers' changes, not of its own: opening the article again shows them.
  await openArticle(page, others)
  await openArticle(page, articleId, s.paragraphs.length)
  await claimList(page).locator(`[data-claim-id="${sent}"]`).click()
  const panel = claimPanel(page)
  await expect(panel.locator('.notes li')).toHaveCount(s.sentNotes.length)

  await panel.getByRole('textbox', { name: 'Claimant' }).fill(s.claimant)
  await page.keyboard.press('Enter')
  await panel.getByRole('textbox', { name: 'Tags' }).fill(s.tags.join(', '))
  await page.keyboard.press('Enter')
  const conclusion = panel.getByRole('textbox', { name: 'Conclusion' })
  await setValue(conclusion, s.conclusion)
  await conclusion.blur()
  for (const [i, text] of s.typedNotes.entries()) {
    const field = panel.getByRole('textbox', { name: 'New note' })
    if (i === 0) await field.fill(text)
    else await setValue(field, text)
    await panel.getByRole('button', { name: 'Add note' }).click()
    await expect(panel.locator('.notes li')).toHaveCount(s.sentNotes.length + i + 1)
  }
  await panel.getByRole('button', { name: /Add source/ }).click()
  const form = page.getByRole('form', { name: 'Add a source' })
  await form.getByRole('textbox', { name: 'Link' }).fill(s.typedSource.url)
  await setValue(form.getByRole('textbox', { name: 'Title' }), s.typedSource.title)
  await form.getByRole('textbox', { name: 'Publisher' }).fill(s.typedSource.publisher)
  await setValue(form.getByRole('textbox', { name: 'Quoted excerpt' }), s.typedSource.excerpt)
  await form.getByRole('button', { name: 'Add source' }).click()
  await expect(form).toBeHidden()
  await expect(panel.locator('.sources li')).toHaveCount(s.sentSources.length + 1)
  await panel.getByText('History').click()
  // Every change stored: the import, 9 claims and their verdicts, the notes and sources, claimant, tags, conclusion.
  await expect
    .poll(async () => (await page.evaluate((id) => window.factmark.getArticle({ id }), articleId) as { ok: true; value: { log: unknown[] } }).value.log.length)
    .toBe(1 + 9 + 9 + s.sentNotes.length + s.sentSources.length + 3 + s.typedNotes.length + 1)
  await expect(panel.getByRole('list', { name: 'Changes to this claim, newest first' }).getByRole('listitem').first()).toContainText('added the source')
}

/** Whether the first match of `words` in the element is drawn left to right: its first character left of its last. */
function readsLeftToRight(element: Locator, words: RegExp): Promise<boolean> {
  return element.evaluate((element, source) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const match = new RegExp(source).exec(node.data)
      if (!match) continue
      const box = (i: number) => {
        const range = new Range()
        range.setStart(node!, i)
        range.setEnd(node!, i + 1)
        return range.getBoundingClientRect()
      }
      return box(match.index).left < box(match.index + match[0].length - 1).left
    }
    throw new Error(`${source} is not in the element`)
  }, words.source)
}

/**
 * The window's elements as a multiset: tag and attribute names, no text, no values. Notices come and go with time,
 * so they are left out here and checked on their own.
 */
const structure = (page: Page) =>
  page.evaluate(() =>
    [...document.body.querySelectorAll('*')]
      .filter((e) => !e.closest('.notices'))
      .map((e) => `${e.localName}[${e.getAttributeNames().sort().join(' ')}]`)
      .sort()
  )

test('hostile strings everywhere are shown as text, exported as text in all six formats, and nothing runs', async ({ launchApp }) => {
  test.setTimeout(90_000)
  const app = await launchApp()
  const { page } = app
  await expect(articleText(page)).toBeVisible()
  const sampleId = (await page.getByRole('navigation', { name: 'Articles' }).locator('[aria-current="page"]').getAttribute('data-article-id'))!

  // What would show that something ran, or tried to: a dialog, the flag, a CSP refusal, a request for "x".
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await page.evaluate(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__violations', { value: seen })
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`), true)
  })
  const ran = () => page.evaluate(() => ({ pwned: (window as { __pwned?: unknown }).__pwned, violations: (window as unknown as { __violations: string[] }).__violations }))

  const twinId = await importArticle(page, TWIN)
  const hostileId = await importArticle(page, HOSTILE)
  // The window answers at once after the paste: the first sentence selected by "]" is in the selection.
  await page.keyboard.press(']')
  await expect.poll(() => page.evaluate(() => window.getSelection()!.toString())).not.toBe('')
  expect(HOSTILE.paragraphs[0]!.startsWith(await page.evaluate(() => window.getSelection()!.toString()))).toBe(true)
  await page.keyboard.press('Escape')

  await openArticle(page, twinId, TWIN.paragraphs.length)
  await review(page, twinId, TWIN, sampleId)
  const twinStructure = await structure(page)

  // The hostile review, by a reviewer whose name is a vector.
  await page.getByTitle('Change the reviewer name').click()
  await page.getByRole('textbox', { name: 'Your name' }).fill(HOSTILE.reviewer)
  await page.getByRole('button', { name: 'Save' }).click()
  await openArticle(page, hostileId, HOSTILE.paragraphs.length)
  await review(page, hostileId, HOSTILE, sampleId)

  // Not one element or attribute more than the twin's view: nothing was parsed from a string.
  expect(await structure(page)).toEqual(twinStructure)
  expect(await page.locator('img, iframe, object, embed, video, audio, math, marquee, noscript, template, frame, base, form button[formaction]').count()).toBe(0)
  expect(await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))))).toEqual([])
  expect(await page.evaluate(() => [...document.querySelectorAll('.notices .text')].filter((e) => e.children.length > 0).length)).toBe(0)

  // Every view shows the strings as the text they are, code unit for code unit.
  const blocks = await articleText(page).locator('[data-block]').evaluateAll((els) => els.map((e) => ({ nodes: e.childNodes.length, text: e.firstChild?.nodeType === 3 ? (e.firstChild as Text).data : null })))
  expect(blocks).toEqual(HOSTILE.paragraphs.map((text) => ({ nodes: 1, text })))
  await expect(page.locator('#article-title')).toHaveText(HOSTILE.title)
  const listed = await claimList(page).locator(".words").allTextContents()
  expect(listed).toEqual(HOSTILE.claims.map(([b]) => shorten(HOSTILE.paragraphs[b]!, 90)))
  const panel = claimPanel(page)
  expect(await panel.locator('blockquote.quote').textContent()).toBe(HOSTILE.paragraphs[0])
  await expect(panel.locator('.provenance')).toContainText(`Marked by ${HOSTILE.reviewer}`)
  expect(await panel.locator('.notes li p.text').allTextContents()).toEqual([...HOSTILE.sentNotes, ...HOSTILE.typedNotes])
  await expect(panel.getByRole('textbox', { name: 'Claimant' })).toHaveValue(HOSTILE.claimant)
  await expect(panel.getByRole('textbox', { name: 'Tags' })).toHaveValue(HOSTILE.tags.join(', '))
  expect(await panel.getByRole('textbox', { name: 'Conclusion' }).inputValue()).toBe(HOSTILE.conclusion)
  expect(await panel.locator('.sources li .link').allTextContents()).toEqual([...HOSTILE.sentSources, HOSTILE.typedSource].map((x) => x.title))
  expect(await panel.locator('.sources li blockquote').allTextContents()).toEqual([...HOSTILE.sentSources, HOSTILE.typedSource].map((x) => x.excerpt))
  const history = panel.getByRole('list', { name: 'Changes to this claim, newest first' })
  await expect(history).toContainText(`${HOSTILE.reviewer} marked the claim “${HOSTILE.paragraphs[0]}”`)
  await expect(history).toContainText(`set the claimant to “${HOSTILE.claimant}”`)

  await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0))
  await saveScreenshot(page, 'hostile-content')

  // A right-to-left override in user text stays inside it: the app's own words after it (a time, a date) still read
  // left to right. (Unisolated, "Today 02:45 PM" after a note holding U+202E is drawn "MP 54:20 yadoT".)
  const lastNote = panel.locator('.notes li').last()
  const bidiNote = history.getByRole('listitem').filter({ hasText: 'gpj.exe' }).first()
  await bidiNote.scrollIntoViewIfNeeded()
  await bidiNote.screenshot({ path: join(SCREENSHOT_DIR, 'hostile-history-bidi.png') })
  expect(await readsLeftToRight(bidiNote, /\d\d:\d\d/)).toBe(true)
  expect(await readsLeftToRight(lastNote.locator('.meta'), /\d\d:\d\d/)).toBe(true)
  expect(await readsLeftToRight(panel.locator('.provenance'), /\d\d:\d\d/)).toBe(true)
  expect(await readsLeftToRight(panel.locator('.sources li').last().locator('.meta'), /accessed/)).toBe(true)

  // Search takes hostile words as words.
  const search = page.getByRole('searchbox', { name: 'Search claims, notes and sources' })
  await search.fill('<iframe srcdoc=')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(2) // the claim on it, and the one holding every note
  await search.fill('')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(9)

  expect(await ran()).toEqual({ pwned: undefined, violations: [] })
  expect(dialogs).toEqual([])
  const origin = new URL(page.url()).origin
  expect(requests.filter((url) => !url.startsWith(`${origin}/assets/`))).toEqual([])

  // All six formats, through the export dialog, published by an organisation named with a vector.
  const organisation = vector('textarea-close')
  const reportAddress = `https://checks.example.org/r?q=${vector('quote-gt-script')}`
  const dialog = page.getByRole('dialog', { name: 'Export report' })
  for (const [label, saved] of <[RegExp, RegExp][]>[
    [/^HTML report/, /\.html$/], [/^PDF report/, /\.pdf$/], [/^Markdown/, /\.md$/], [/^CSV spreadsheet/, /\.csv$/],
    [/^W3C Web Annotations/, /\.annotations\.jsonld$/], [/^schema\.org ClaimReview/, /\.claimreview\.jsonld$/]
  ]) {
    await page.getByRole('button', { name: 'Export report…' }).click()
    await dialog.getByRole('radio', { name: label }).check()
    if (label.source.includes('HTML')) await dialog.getByRole('textbox', { name: 'Organisation' }).fill(organisation)
    if (label.source.includes('ClaimReview')) await dialog.getByRole('textbox', { name: 'Address of the published report' }).fill(reportAddress)
    await dialog.getByRole('button', { name: 'Export…' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByText(/^Report saved to /).last()).toHaveText(saved)
  }
  const files = await readdir(app.exportsDir)
  const file = (suffix: string) => join(app.exportsDir, files.find((f) => f.endsWith(suffix))!)
  expect(files).toHaveLength(6)
  // The title's U+202E does not reach the file names, where "invoice\u202egpj.exe" would pass for "invoiceexe.jpg".
  expect(files.filter((f) => /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/.test(f))).toEqual([])
  // In files that are UTF-8 text a lone surrogate cannot be written: it is U+FFFD there. NUL is kept.
  const typed = [...HOSTILE.sentNotes, ...HOSTILE.typedNotes]

  // HTML, opened as a reader would, with JavaScript on: nothing runs, nothing is fetched, every vector is text.
  const html = await readFile(file('.html'), 'utf8')
  const reader = await page.context().newPage()
  const readerDialogs: string[] = []
  reader.on('dialog', (d) => void readerDialogs.push(d.message()))
  const readerRequests: string[] = []
  reader.on('request', (r) => readerRequests.push(r.url()))
  await reader.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__violations', { value: seen })
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`), true)
  })
  const inReport = async () => {
    expect(await reader.evaluate(() => ({ pwned: (window as { __pwned?: unknown }).__pwned, violations: (window as unknown as { __violations: string[] }).__violations }))).toEqual({ pwned: undefined, violations: [] })
    expect(await reader.locator('script, img, svg, iframe, object, embed, video, audio, math, marquee, noscript, template, form, input, button, textarea, select, details, base, link, frame').count()).toBe(0)
    expect(await reader.evaluate(() => [...document.querySelectorAll('*')].flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith('on'))))).toEqual([])
    expect(await reader.evaluate(() => [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')!).filter((h) => !/^(https?:\/\/|#)/.test(h)))).toEqual([])
    // The HTML parser drops NUL from text; every other character is there.
    const notes = await reader.locator('.note-text').allTextContents()
    expect(notes).toEqual(typed.map((t) => asUtf8(t).replaceAll('\u0000', '')))
    const blocks = await reader.locator('.article-text [dir="auto"]').evaluateAll((els) => els.map((e) => e.textContent!.replace(/[✓✗⚠?○]\d+$/, '')))
    expect(blocks).toEqual(HOSTILE.paragraphs.map((t) => asUtf8(t).replaceAll('\u0000', '')))
    await expect(reader.locator('h1')).toHaveText(asUtf8(HOSTILE.title))
    await expect(reader.locator('.org')).toHaveText(`· ${organisation}`)
  }
  await reader.goto(pathToFileURL(file('.html')).href)
  await inReport()
  await reader.screenshot({ path: join(SCREENSHOT_DIR, 'hostile-report-html.png') })
  // Again without the report's CSP, which would stop an inline script by itself: escaping alone must hold.
  const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
  expect(withoutCsp).not.toBe(html)
  await reader.setContent(withoutCsp, { waitUntil: 'load' })
  await inReport()
  expect(readerDialogs).toEqual([])
  expect(readerRequests.filter((url) => !url.startsWith('file://'))).toEqual([])
  await reader.close()

  // PDF: printed; its first page as PNG to look at; its text holds the vectors as words.
  const pdf = file('.pdf')
  expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-')
  // -singlefile: one page, named without a page number (which pdftoppm pads to the page count's digits).
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-singlefile', pdf, join(SCREENSHOT_DIR, 'hostile-report-pdf')])
  expect(existsSync(join(SCREENSHOT_DIR, 'hostile-report-pdf.png'))).toBe(true)
  const pdfText = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).replace(/\s+/g, ' ')
  for (const name of ['script', 'img-onerror', 'iframe-srcdoc', 'angular-constructor', 'csv-at']) expect(pdfText, name).toContain(vector(name))

  // Markdown: every tag escaped (no raw HTML outside the <https://…> link destinations), every link to the web.
  const md = await readFile(file('.md'), 'utf8')
  const outsideDestinations = md.replace(/\]\(<https?:\/\/[^>\s]*>\)/g, '](…)')
  expect(outsideDestinations).not.toMatch(/(?<!\\)<[a-z!?/]/i)
  expect(outsideDestinations).not.toMatch(/(?<!\\)\]\((?!…\))/)
  const unescaped = md.replace(/\\([!-/:-@[-`{-~])/g, '$1')
  for (const x of VECTORS) expect(unescaped, x.name).toContain(x.text)

  // CSV: no cell starts a formula; the strings are there, the guarded ones behind an apostrophe.
  const rows = parseCsv(await readFile(file('.csv')), { columns: true, bom: true }) as Record<string, string>[]
  expect(rows).toHaveLength(9)
  for (const row of rows) for (const [column, cell] of Object.entries(row)) expect(cell, `${column} of ${row.ID}`).not.toMatch(/^[=+\-@\t\r]/)
  const formulaRow = rows.find((r) => r.Quote!.includes('HYPERLINK'))!
  expect(formulaRow.Quote).toBe(`'${vector('csv-hyperlink')}`)
  const noted = rows.find((r) => r.Claimant === HOSTILE.claimant)!
  for (const note of typed) expect(noted.Notes).toContain(asUtf8(note))
  expect(noted.Conclusion).toBe(`'${asUtf8(HOSTILE.conclusion)}`)

  // W3C and ClaimReview: valid JSON, each string exactly the original (lone surrogates and NUL included).
  type Body = { purpose: string; value?: string }
  const w3c = JSON.parse(await readFile(file('.annotations.jsonld'), 'utf8')) as { first: { items: { body: Body[]; target: { selector: { exact?: string }[] } }[] } }
  const annotations = w3c.first.items
  expect(annotations.map((a) => a.target.selector[0]!.exact)).toEqual(HOSTILE.claims.map(([b]) => HOSTILE.paragraphs[b]))
  const first = annotations[0]!.body
  expect(first.filter((b) => b.purpose === 'commenting').map((b) => b.value)).toEqual(typed)
  expect(first.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(HOSTILE.tags)
  expect(first.filter((b) => b.purpose === 'describing').map((b) => b.value)).toEqual([HOSTILE.conclusion, `Claimant: ${HOSTILE.claimant}`])
  const claimReviewText = await readFile(file('.claimreview.jsonld'), 'utf8')
  expect(claimReviewText).not.toMatch(/[<>]/) // safe inside <script type="application/ld+json"> on a published page
  const reviews = JSON.parse(claimReviewText) as { claimReviewed: string; reviewBody?: string; url: string; author: { name: string }; itemReviewed: { author?: { name: string } } }[]
  expect(reviews.map((r) => r.claimReviewed)).toEqual(HOSTILE.claims.map(([b]) => HOSTILE.paragraphs[b]))
  expect(reviews[0]).toMatchObject({ reviewBody: HOSTILE.conclusion, author: { name: organisation }, itemReviewed: { author: { name: HOSTILE.claimant } } })
  expect(reviews[0]!.url.startsWith(`${reportAddress}#claim-`)).toBe(true)

  // Still nothing ran in the app, and it still answers.
  expect(await ran()).toEqual({ pwned: undefined, violations: [] })
  expect(dialogs).toEqual([])
  await claimList(page).getByRole('button').nth(5).click()
  await expect(claimPanel(page).locator('blockquote.quote')).toHaveText(HOSTILE.paragraphs[VECTORS.length]!)
  // The 10,000-character word wraps: nothing is wider than its column (a sideways scroll would hide the panel).
  await claimList(page).getByRole('button').nth(8).click()
  await expect(claimPanel(page).locator('blockquote.quote')).toHaveText(LONG_WORD)
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll('html, main, aside, [data-testid="article-text"], [data-testid="claim-panel"] blockquote, .claims .words')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.tagName)
  )
  expect(overflowing).toEqual([])
})
