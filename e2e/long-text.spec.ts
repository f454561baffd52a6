import type { Page } from '@playwright/test'
import { createSelectors } from '../src/core/anchoring/selectors'
import { bodyFromBlocks } from '../src/core/plain-text'
import { openWorkspace } from '../src/main/workspace/workspace'
import { expect, test } from './support/launch-app'
import { articleText, claimList, claimPanel } from './support/review'
import { saveScreenshot } from './support/screenshots'

const WORD = 'Lorem'.repeat(4000) // 20,000 characters without a space
const URL = `https://example.org/${'path/'.repeat(700)}end` // a 3,523-character address
const TITLE = `Budget ${'x'.repeat(400)} review`

/** Every element that is wider than the window, or sticks out of it to the right: none should. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const out: string[] = []
    if (document.documentElement.scrollWidth > width) out.push(`page scrolls to ${document.documentElement.scrollWidth}px`)
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const box = element.getBoundingClientRect()
      if (box.width === 0) continue
      // A one-line field scrolls its own text sideways, as fields do; it must still fit in the window.
      const scrollsItself = element instanceof HTMLInputElement
      if (box.right > width + 1 || (!scrollsItself && element.scrollWidth > element.clientWidth + 1)) {
        const style = getComputedStyle(element)
        // Scroll containers that scroll vertically only, and visually hidden text, are fine.
        if (element.classList.contains('visually-hidden') || (style.overflowX === 'hidden' && element.scrollWidth <= width)) continue
        out.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} is ${Math.round(element.scrollWidth)}px`)
      }
    }
    return out.slice(0, 10)
  })
}

test('long unbroken text (a 20,000-character word, a long URL, a long title) wraps in the article, lists, panel and dialogs', async ({ launchApp, workspaceDir }) => {
  const workspace = await openWorkspace(workspaceDir, { watch: false })
  await workspace.setMyName('Wren Wrap')
  const { id } = await workspace.createArticle({
    title: TITLE,
    body: bodyFromBlocks([
      { kind: 'h1', text: TITLE },
      { kind: 'p', text: `Before the long word ${WORD} and after it.` },
      { kind: 'p', text: `The address was ${URL} in the original.` }
    ]),
    origin: { kind: 'paste' }
  })
  const { text } = workspace.getArticle(id).article
  const at = '2026-12-01T09:00:00.000Z'
  const start = text.indexOf(WORD)
  const claim = { id: 'claim-long', ...createSelectors(text, start, start + WORD.length), verdict: 'disputed' as const, conclusion: WORD.slice(0, 4000), claimant: WORD.slice(0, 400), tags: [WORD.slice(0, 90)], notes: [], sources: [], createdBy: 'Wren Wrap', createdAt: at, updatedAt: at }
  await workspace.applyOperation(id, { type: 'claim.create', claim })
  await workspace.applyOperation(id, { type: 'claim.addNote', claimId: claim.id, note: { id: "note-long", text: `See ${URL} and ${WORD.slice(0, 15_000)}`, by: 'Wren Wrap', at } })
  await workspace.applyOperation(id, {
    type: 'claim.addSource', claimId: claim.id,
    source: { id: 'source-long', url: URL, title: WORD.slice(0, 1000), publisher: WORD.slice(0, 500), excerpt: WORD, stance: 'refutes', accessedAt: '2026-12-01', by: 'Wren Wrap', at }
  })

  await workspace.close()
  const { page } = await launchApp()
  await expect(articleText(page)).toContainText('Before the long word')
  await claimList(page).getByRole('button').first().click()
  await expect(claimPanel(page)).toBeVisible()
  expect(await overflowing(page)).toEqual([])
  // The article's line is as wide as the reading column, not 173,000 px.
  const widths = await articleText(page).evaluate((element) => ({ column: element.clientWidth, text: element.scrollWidth }))
  expect(widths.text).toBeLessThanOrEqual(widths.column)
  await saveScreenshot(page, 'long-word-article')

  // Dialogs that show the title wrap it too.
  await page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /^Actions for/ }).click()
  await page.getByRole('button', { name: 'Move to trash' }).click()
  // A notice names the article by the start of its title, not all 400 characters of it.
  await expect(page.getByText(/^Moved “Budget x{72}…” to the trash\.$/)).toBeVisible()
  await page.getByRole('navigation', { name: 'Articles' }).getByText('Trash').click()
  await page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /for good$/ }).click()
  await expect(page.getByRole('dialog', { name: 'Delete for good?' })).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Delete for good?' })).toContainText(/“Budget x{72}…” and its claim/)
  expect(await overflowing(page)).toEqual([])
  await saveScreenshot(page, 'long-word-dialog')
})
