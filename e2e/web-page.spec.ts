import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './support/launch-app'
import { projectRoot } from './support/mode'
import { answerReviewerPrompt, articleText, claimPanel, selectByMouse } from './support/review'
import { saveScreenshot } from './support/screenshots'

const PAGE = readFileSync(join(projectRoot, 'test', 'fixtures', 'wikipedia-regression-testing.html'))

/** The block of the article whose text starts with `start`. */
async function blockStarting(page: Page, start: string): Promise<number> {
  return page.evaluate((start) => {
    const element = [...document.querySelectorAll<HTMLElement>('[data-testid="article-text"] [data-block]')].find((e) => e.textContent!.startsWith(start))
    if (!element) throw new Error(`no block starts with ${start}`)
    return Number(element.dataset.block)
  }, start)
}

/** The middle of the first occurrence of `words` in block `block`, in window coordinates. */
async function pointAt(page: Page, block: number, words: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ block, words }) => {
      const node = document.querySelector(`[data-testid="article-text"] [data-block="${block}"]`)!.firstChild as Text
      const start = node.data.indexOf(words)
      const range = new Range()
      range.setStart(node, start)
      range.setEnd(node, start + words.length)
      node.parentElement!.scrollIntoView({ block: 'center' })
      const box = range.getClientRects()[0]!
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
    },
    { block, words }
  )
}

test('an encyclopedia page keeps its headline, sections, links and numbered references; links open only in the browser', async ({ launchApp }) => {
  const server = createServer((request, response) => {
    if (request.url !== '/wiki/Regression_testing') return void response.writeHead(404).end()
    response.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' }).end(PAGE)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  try {
    const app = await launchApp()
    const { page } = app
    await expect(articleText(page)).toBeVisible()
    await page.getByRole('button', { name: 'New article…' }).click()
    const dialog = page.getByRole('dialog', { name: 'New article' })
    await dialog.getByText('Web address', { exact: true }).click()
    await dialog.getByRole('textbox', { name: 'Web address' }).fill(`${origin}/wiki/Regression_testing`)
    await dialog.getByRole('button', { name: 'Add article' }).click()
    await expect(dialog).toBeHidden()

    // The headline, not the browser title; the site and date from the page's metadata; opened at its top.
    await expect(articleText(page).getByRole('heading', { level: 1 })).toHaveText('Regression testing')
    await expect(page.locator('#article-title')).toHaveText('Regression testing')
    await expect(page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /^Regression testing\b/ })).not.toContainText('Wikipedia')
    await expect(page.locator('.kicker')).toHaveText(/^Wikipedia · (17 March 2004|March 17, 2004)$/) // in the locale of the machine
    expect(await page.getByRole('main', { name: 'Article' }).evaluate((element) => element.scrollTop)).toBe(0)
    await saveScreenshot(page, 'encyclopedia-page')

    // Sections at their level; none of the wiki around the article.
    const text = articleText(page)
    await expect(text.locator('h4')).toHaveText(['Change-based selection', 'Coverage-based selection'])
    await expect(text).not.toContainText('[edit]')
    await expect(text).not.toContainText('Jump to')
    await expect(text).not.toContainText('Contents')

    // References stay numbered, 1 to 9.
    const references = text.locator('li.numbered')
    expect(await references.evaluateAll((items) => items.map((item) => (item as HTMLLIElement).value))).toEqual([1, 2, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9])

    // The page's own links are underlined (a highlight over the text) and a click offers them without following them.
    expect(await page.evaluate(() => CSS.highlights.get('fm-link')?.size ?? 0)).toBeGreaterThan(10)
    const lead = await blockStarting(page, 'Regression testing (rarely')
    const link = await pointAt(page, lead, 'non-functional tests')
    await page.mouse.click(link.x, link.y)
    const menu = page.getByRole('menu', { name: 'Article actions' })
    await expect(menu.getByRole('menuitem').first()).toHaveText(`Open link in your browser: 127.0.0.1:${origin.split(':').at(-1)}/wiki/Non-functional_testing`)
    const before = page.url()
    await menu.getByRole('menuitem').first().click()
    await expect.poll(() => app.openedExternally()).toEqual([`${origin}/wiki/Non-functional_testing`])
    expect(page.url()).toBe(before)

    // A footnote marker goes to its reference, the item with the same number.
    const marker = await pointAt(page, lead, '[2]')
    await page.mouse.click(marker.x, marker.y)
    await expect(menu.getByRole('menuitem').first()).toHaveText(/^Go to item 2 \(/)
    await menu.getByRole('menuitem').first().click()
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toMatch(/^\^ "Regression testin/)

    // A claim over linked words lists them in the panel.
    await selectByMouse(page, lead, 'is re-running', 'after a change.[2]')
    await page.keyboard.press('m')
    await answerReviewerPrompt(page)
    const links = claimPanel(page).getByRole('region', { name: /Links in this claim/ })
    await expect(links.getByRole('listitem')).toHaveText([/^functional/, /^non-functional tests/, /^\[2\]/])
    await saveScreenshot(page, 'encyclopedia-claim-links')
  } finally {
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
})
