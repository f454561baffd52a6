// A long article with a claim in every paragraph: only the claims near what is on screen are registered as highlights
// (every frame's cost grows with the ranges registered), and they follow the reader: after a jump, the claims shown
// are drawn in the very next frame; marking, clicking and the claim list work anywhere in the article.
import type { Page } from '@playwright/test'
import { createSelectors } from '../src/core/anchoring/selectors'
import { VERDICTS, type Verdict } from '../src/core/model'
import { bodyFromBlocks } from '../src/core/plain-text'
import { openWorkspace } from '../src/main/workspace/workspace'
import { expect, test } from './support/launch-app'
import { articleText, claimList, claimPanel, selectInBlock } from './support/review'
import { saveScreenshot } from './support/screenshots'

const PARAGRAPHS = 600
const paragraph = (i: number) =>
  `Paragraph ${i}: exports to the region rose by ${i % 90} per cent in the first half of the year, officials said, ` +
  `while imports of machinery fell to ${100 + i} million dollars, according to figures published on Monday.`
/** The claim in paragraph i: its figure. */
const claimWords = (i: number) => `rose by ${i % 90} per cent`

/** The verdict highlights' ranges as article text (what is registered now), and how many there are. */
function registered(page: Page): Promise<{ count: number; texts: string[] }> {
  return page.evaluate((verdicts) => {
    const texts: string[] = []
    for (const verdict of verdicts) for (const range of (CSS.highlights.get(`fm-${verdict}`) ?? []) as unknown as Set<Range>) texts.push(`${range.startContainer.parentElement?.dataset.block}:${range.toString()}`)
    return { count: texts.length, texts }
  }, [...VERDICTS])
}

/** A new article of `count` numbered paragraphs in the workspace, its reviewer named; the store stays open to take claims. */
async function paragraphsArticle(workspaceDir: string, reviewer: string, title: string, count: number) {
  const workspace = await openWorkspace(workspaceDir, { watch: false })
  await workspace.setMyName(reviewer)
  const { id } = await workspace.createArticle({
    title,
    body: bodyFromBlocks(Array.from({ length: count }, (_, i) => ({ kind: 'p' as const, text: paragraph(i) }))),
    origin: { kind: 'paste' }
  })
  const { text, blocks } = workspace.getArticle(id).article
  /** Marks [start, end) of the text as claim `claimId`. */
  const mark = (claimId: string, start: number, end: number, verdict: Verdict) => {
    const at = '2026-12-01T09:00:00.000Z'
    const claim = { id: claimId, ...createSelectors(text, start, end), verdict, conclusion: '', claimant: '', tags: [], notes: [], sources: [], createdBy: 'x', createdAt: at, updatedAt: at }
    return workspace.applyOperation(id, { type: 'claim.create', claim })
  }
  return { workspace, blocks, mark }
}

test('a long article registers only the claims near the screen, follows a jump in the same frame, and marks and clicks anywhere', async ({ launchApp, workspaceDir }) => {
  const { workspace, blocks, mark } = await paragraphsArticle(workspaceDir, 'Lena Long', 'Regional trade, half-year figures', PARAGRAPHS)
  for (let i = 0; i < PARAGRAPHS; i++) {
    const start = blocks[i]!.start + paragraph(i).indexOf(claimWords(i))
    await mark(`claim-${String(i).padStart(3, '0')}`, start, start + claimWords(i).length, VERDICTS[i % VERDICTS.length]!)
  }
  await workspace.close()

  const { page } = await launchApp()
  await expect(articleText(page)).toContainText('Paragraph 0:')
  await expect(claimList(page).getByRole('listitem').first()).toBeVisible()
  // The first screen's claims are drawn; far fewer than all 600 are registered.
  await expect.poll(async () => (await registered(page)).texts).toContain(`0:${claimWords(0)}`)
  const atStart = await registered(page)
  // Every claim on the first screen is registered (the open check of the benchmarks), and far from all of them.
  const onScreen = await page.evaluate(() => {
    const view = document.querySelector('main.reader')!.getBoundingClientRect()
    return [...document.querySelectorAll<HTMLElement>('[data-testid=article-text] [data-block]')]
      .filter((block) => { const box = block.getBoundingClientRect(); return box.bottom > view.top && box.top < view.bottom })
      .map((block) => Number(block.dataset.block))
  })
  expect(onScreen.length).toBeGreaterThan(3)
  for (const i of onScreen) expect(atStart.texts).toContain(`${i}:${claimWords(i)}`)
  expect(atStart.count).toBeLessThan(PARAGRAPHS / 2)
  expect(atStart.texts).not.toContain(`${PARAGRAPHS - 1}:${claimWords(PARAGRAPHS - 1)}`)

  // A jump to the end: in the first frame after it, the claims now on screen are registered. (Once the groups of blocks
  // off screen have been laid out, in idle frames after the first screens: before, the end is only where their
  // guessed heights put it.)
  await expect(articleText(page)).toHaveAttribute('data-laid-out', '')
  const drawnAfterJump = await page.evaluate(async (last) => {
    const scroller = document.querySelector('main.reader')!
    scroller.scrollTop = scroller.scrollHeight
    await new Promise((resolve) => requestAnimationFrame(resolve))
    const ranges = [...((CSS.highlights.get('fm-unreviewed') ?? []) as unknown as Set<Range>), ...((CSS.highlights.get('fm-verified') ?? []) as unknown as Set<Range>), ...((CSS.highlights.get('fm-disputed') ?? []) as unknown as Set<Range>), ...((CSS.highlights.get('fm-needs-context') ?? []) as unknown as Set<Range>), ...((CSS.highlights.get('fm-unverifiable') ?? []) as unknown as Set<Range>)]
    return ranges.some((range) => range.startContainer.parentElement?.dataset.block === String(last))
  }, PARAGRAPHS - 1)
  expect(drawnAfterJump).toBe(true)
  const atEnd = await registered(page)
  expect(atEnd.count).toBeLessThan(PARAGRAPHS / 2)
  expect(atEnd.texts).not.toContain(`0:${claimWords(0)}`)

  // A click on a claim down there opens it. (Once the frames after the jump have drawn the text there: a group of
  // blocks that comes into view is drawn from the next frame on, and a click is hit-tested against what is drawn.)
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  const last = PARAGRAPHS - 1
  const box = await page.evaluate(({ block, words }) => {
    const node = document.querySelector(`[data-testid=article-text] [data-block="${block}"]`)!.firstChild as Text
    const start = node.data.indexOf(words)
    const range = new Range()
    range.setStart(node, start + 2)
    range.setEnd(node, start + 3)
    const rect = range.getBoundingClientRect()
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
  }, { block: last, words: claimWords(last) })
  await page.mouse.click(box.x, box.y)
  await expect(claimPanel(page).locator('blockquote')).toHaveText(claimWords(last))
  await saveScreenshot(page, 'long-article-end')

  // Marking there works and is drawn at once.
  expect(await selectInBlock(page, last - 1, 0, 'Paragraph 598'.length)).toBe('Paragraph 598')
  await page.keyboard.press('m')
  await expect(claimPanel(page).locator('blockquote')).toHaveText('Paragraph 598')
  await expect.poll(async () => (await registered(page)).texts).toContain(`${last - 1}:Paragraph 598`)

  // The claim list (scrolled back to its top) takes the reader back to the first claim, drawn where it lands.
  await claimList(page).evaluate((list) => {
    let scroller = list.parentElement
    while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement
    if (scroller) scroller.scrollTop = 0
  })
  await claimList(page).getByRole('button', { name: new RegExp(claimWords(0)) }).first().click()
  await expect.poll(async () => (await registered(page)).texts).toContain(`0:${claimWords(0)}`)
  expect((await registered(page)).texts).not.toContain(`${last}:${claimWords(last)}`)
})

test('a long article with sections reads evenly throughout, and a selection across any two paragraphs marks exactly its words', async ({ launchApp, workspaceDir }) => {
  // A heading every 40 blocks: one (block 320) falls where the text would be cut into paint-contained groups
  // (lib/block-groups.ts: 64 blocks a group), the others inside a group.
  const kinds = Array.from({ length: 400 }, (_, i) => (i % 40 === 0 ? ('h2' as const) : ('p' as const)))
  const workspace = await openWorkspace(workspaceDir, { watch: false })
  await workspace.setMyName('Lena Long')
  await workspace.createArticle({
    title: 'Regional trade, sections',
    body: bodyFromBlocks(kinds.map((kind, i) => ({ kind, text: kind === 'h2' ? `Section ${i / 40}` : paragraph(i) }))),
    origin: { kind: 'paste' }
  })
  await workspace.close()
  const { page } = await launchApp()
  await expect(articleText(page)).toContainText('Paragraph 399:')
  // Groups far off screen are laid out in idle frames after the first screens are shown (lib/group-layout.ts);
  // until then they hold a guessed height. Once done, the whole article is where it will stay.
  await expect(articleText(page)).toHaveAttribute('data-laid-out', '')
  // Until then, each group off the first screen held a guessed height (scaled by the first group laid out): close to its
  // real one, so the scrollbar and a jump were about right from the start.
  const guesses = await articleText(page).evaluate((text) => {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize)
    return [...text.children].slice(1).map((group) => {
      const guess = parseFloat((group as HTMLElement).style.containIntrinsicBlockSize.replace('auto', '')) * rem
      return Math.round((guess / group.getBoundingClientRect().height) * 100) / 100
    })
  })
  expect(guesses.length).toBeGreaterThan(3)
  for (const ratio of guesses) expect(ratio).toBeGreaterThan(0.9)
  for (const ratio of guesses) expect(ratio).toBeLessThan(1.1)

  // The space between two paragraphs, and above each heading, is the same everywhere in the article.
  const gaps = await page.evaluate(() => {
    const blocks = [...document.querySelectorAll<HTMLElement>('[data-testid=article-text] [data-block]')]
    const out: Record<string, number[]> = {}
    for (let i = 1; i < blocks.length; i++) {
      const key = `${blocks[i - 1]!.tagName}>${blocks[i]!.tagName}`
      ;(out[key] ??= []).push(Math.round((blocks[i]!.getBoundingClientRect().top - blocks[i - 1]!.getBoundingClientRect().bottom) * 10) / 10)
    }
    return out
  })
  for (const [pair, values] of Object.entries(gaps)) expect(new Set(values), `${pair} gaps`).toEqual(new Set([values[0]]))
  expect(Object.keys(gaps).sort()).toEqual(['H2>P', 'P>H2', 'P>P'])

  // Every pair of neighbouring paragraphs, wherever the text is cut: from the second word of one to the first word
  // of the next; and from inside a paragraph to the point just before the next one's box (a drag that ends between).
  const groupStarts = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid=article-text] [data-block]')].filter((b) => b.dataset.block !== '0' && !b.previousElementSibling).map((b) => Number(b.dataset.block))
  )
  expect(groupStarts).toContain(321)
  const pairs = [...groupStarts.slice(0, 3).map((start) => start - 1), 250]
  expect(pairs.every((first) => kinds[first] === 'p' && kinds[first + 1] === 'p')).toBe(true)
  for (const first of pairs) {
    const selected = await page.evaluate((block) => {
      const a = document.querySelector(`[data-testid=article-text] [data-block="${block}"]`)!
      const b = document.querySelector(`[data-testid=article-text] [data-block="${block + 1}"]`)!
      a.scrollIntoView()
      const range = new Range()
      range.setStart(a.firstChild!, (a.firstChild as Text).data.indexOf(' ') + 1)
      range.setEnd(b.firstChild!, (b.firstChild as Text).data.indexOf(' '))
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
      return getSelection()!.toString()
    }, first)
    expect(selected.trimEnd().endsWith(`.\n\nParagraph`) || selected.endsWith(`Paragraph`)).toBe(true)
    await page.keyboard.press('m')
    await expect(claimPanel(page).locator('blockquote')).toHaveText(`${paragraph(first).slice(paragraph(first).indexOf(' ') + 1)} Paragraph`)
  }
  // A drag that ends between two groups of paragraphs (the point before the first paragraph of a group, in the text's
  // container): the claim is the block before, whole.
  const before = await page.evaluate(() => {
    const starts = [...document.querySelectorAll<HTMLElement>('[data-testid=article-text] [data-block]')].filter((b) => b.dataset.block !== '0' && !b.previousElementSibling)
    const next = starts[0]!
    const group = next.parentElement!
    const previous = group.previousElementSibling!.lastElementChild as HTMLElement
    previous.scrollIntoView()
    const range = new Range()
    range.setStart(previous.firstChild!, 0)
    range.setEnd(group.parentElement!, [...group.parentElement!.childNodes].indexOf(group))
    getSelection()!.removeAllRanges()
    getSelection()!.addRange(range)
    return { text: previous.textContent, groups: document.querySelectorAll('[data-testid=article-text] [data-block]:first-child').length }
  })
  expect(before.groups).toBeGreaterThan(3)
  await page.keyboard.press('m')
  await expect(claimPanel(page).locator('blockquote')).toHaveText(before.text!)
  await saveScreenshot(page, 'long-article-sections')
})

test('overlapping claims are shaded where they overlap, at the top as the article opens and at the far end after a jump', async ({ launchApp, workspaceDir }) => {
  const count = 400
  const { workspace, blocks, mark } = await paragraphsArticle(workspaceDir, 'Olga Overlap', 'Regional trade, overlapping claims', count)
  // In the first and the last paragraph, three claims in a chain: "exports … rose", "region rose by", "by N per".
  const spans = (i: number) => {
    const p = paragraph(i)
    const from = (words: string) => blocks[i]!.start + p.indexOf(words)
    return [
      [from('exports to the region'), from('exports to the region') + 'exports to the region rose'.length],
      [from('region rose by'), from('region rose by') + 'region rose by'.length],
      [from(`by ${i % 90} per`), from(`by ${i % 90} per`) + `by ${i % 90} per`.length]
    ] as const
  }
  let n = 0
  for (const i of [0, count - 1]) for (const [start, end] of spans(i)) await mark(`claim-${n++}`, start, end, VERDICTS[n % VERDICTS.length]!)
  // A claim in every paragraph between, so that the far end is far from the window of registered claims.
  for (let i = 1; i < count - 1; i++) {
    const start = blocks[i]!.start + paragraph(i).indexOf(claimWords(i))
    await mark(`claim-${n++}`, start, start + claimWords(i).length, 'verified')
  }
  await workspace.close()

  const overlaps = (page: Page) =>
    page.evaluate(() => [...((CSS.highlights.get('fm-overlap') ?? []) as unknown as Set<Range>)].map((range) => `${range.startContainer.parentElement?.dataset.block}:${range.toString()}`).sort())
  const expected = (i: number) => [`${i}:region rose`, `${i}:by`].sort()

  const { page } = await launchApp()
  await expect(articleText(page)).toContainText('Paragraph 0:')
  await expect.poll(() => overlaps(page)).toEqual(expected(0))
  const toTheEnd = () =>
    page.evaluate(() => {
      const scroller = document.querySelector('main.reader')!
      scroller.scrollTop = scroller.scrollHeight
    })
  // The far end, as soon as it is shown (the claims off screen may not all be drawn yet): its overlaps are there and
  // exact (the other claims' ranges do not count).
  await toTheEnd()
  await expect.poll(async () => (await overlaps(page)).filter((o) => o.startsWith(`${count - 1}:`))).toEqual(expected(count - 1))
  // Opened again and left until every claim is drawn (in idle time) before the jump: the same.
  await page.reload()
  await expect.poll(() => overlaps(page)).toEqual(expected(0))
  await expect(articleText(page)).toHaveAttribute('data-laid-out', '')
  await toTheEnd()
  await expect.poll(() => overlaps(page)).toEqual(expected(count - 1))
  await expect(page.locator('[data-testid=article-text] [data-block="399"]')).toBeInViewport()

  // A claim marked across the end's two overlaps joins them: "region rose by 39" is now under two claims or more.
  expect(await selectInBlock(page, count - 1, paragraph(count - 1).indexOf('rose by'), paragraph(count - 1).indexOf(' per cent'))).toBe(`rose by ${(count - 1) % 90}`)
  await page.keyboard.press('m')
  await expect.poll(() => overlaps(page)).toEqual([`${count - 1}:region rose by ${(count - 1) % 90}`])
  // And back at the top, the first paragraph's overlaps are as they were.
  await page.evaluate(() => {
    document.querySelector('main.reader')!.scrollTop = 0
  })
  await expect.poll(() => overlaps(page)).toEqual(expected(0))
})
