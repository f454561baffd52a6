import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { test, expect } from './support/launch-app'
import { projectRoot } from './support/mode'
import { answerReviewerPrompt, articleText, claimList, claimPanel, highlightTexts, selectByMouse, selectInBlock } from './support/review'
import { SCREENSHOT_DIR, saveScreenshot } from './support/screenshots'

const fixture = (name: string) => join(projectRoot, 'test', 'fixtures', name)
const articles = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Articles' })

async function importFile(page: import('@playwright/test').Page, path: string) {
  await page.getByRole('button', { name: 'New article…' }).click()
  const dialog = page.getByRole('dialog', { name: 'New article' })
  await dialog.getByText('File', { exact: true }).click()
  await dialog.locator('input[type="file"]').setInputFiles(path)
  await dialog.getByRole('button', { name: 'Add article' }).click()
  await expect(dialog).toBeHidden()
}

test('each kind of source imported through the UI: text, Markdown, HTML, Word, pasted text and a web page', async ({ launchApp }) => {
  const { page } = await launchApp()
  await expect(articleText(page)).toBeVisible()
  const blocks = () => articleText(page).locator('.block')

  await importFile(page, fixture('cp1251-russian.txt'))
  await expect(articleText(page)).toContainText('товарооборот вырос почти на 80%')

  await importFile(page, fixture('sample.md'))
  await expect(articleText(page).locator('h2, h3').first()).toBeVisible()
  await expect(articleText(page).locator('li').first()).toBeVisible()

  await importFile(page, fixture('hostile-markup.html'))
  await expect(articleText(page).getByRole('heading', { level: 1, name: 'Council approves budget & "emergency" fund' })).toBeVisible()
  await expect(articleText(page).locator('blockquote')).toContainText('far too small')

  await importFile(page, fixture('sample.docx'))
  expect(await blocks().count()).toBeGreaterThan(1)

  await page.getByRole('button', { name: 'New article…' }).click()
  const dialog = page.getByRole('dialog', { name: 'New article' })
  await dialog.getByRole('textbox', { name: 'Text' }).fill('Pasted lede.\n\nSecond paragraph, pasted.')
  await dialog.getByRole('textbox', { name: 'Title (optional)' }).fill('Pasted piece')
  await dialog.getByRole('button', { name: 'Add article' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Pasted piece' })).toBeVisible()
  await expect(blocks()).toHaveText(['Pasted lede.', 'Second paragraph, pasted.'])

  // A web page, served by the test on 127.0.0.1; main fetches it, the page never loads in the window.
  const server = createServer((request, response) => {
    if (request.url === '/story') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      response.end('<html><head><title>Port story</title></head><body><article><h1>Port story</h1><p>The port handled 4.2 million tonnes in 2025, a record.</p><p>Officials expect more next year.</p></article></body></html>')
    } else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  try {
    await page.getByRole('button', { name: 'New article…' }).click()
    await dialog.getByText('Web address', { exact: true }).click()
    await dialog.getByRole('textbox', { name: 'Web address' }).fill(`http://127.0.0.1:${port}/missing`)
    await dialog.getByRole('button', { name: 'Add article' }).click()
    await expect(dialog.getByRole('alert')).toContainText('404')
    await dialog.getByRole('textbox', { name: 'Web address' }).fill(`http://127.0.0.1:${port}/story`)
    await dialog.getByRole('button', { name: 'Add article' }).click()
    await expect(dialog).toBeHidden()
    await expect(articleText(page)).toContainText('4.2 million tonnes')
  } finally {
    server.close()
  }

  // Bad input: a message, and no new article.
  const before = await articles(page).getByRole('listitem').count()
  await page.getByRole('button', { name: 'New article…' }).click()
  await dialog.getByText('File', { exact: true }).click()
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) })
  await dialog.getByRole('button', { name: 'Add article' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('empty.txt is empty.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  expect(await articles(page).getByRole('listitem').count()).toBe(before)
  await saveScreenshot(page, 'imported-articles')
})

test('hostile HTML imported and opened: nothing in it runs or loads', async ({ launchApp }) => {
  const { page } = await launchApp()
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await expect(articleText(page)).toBeVisible()
  await importFile(page, fixture('hostile-markup.html'))
  await expect(articleText(page)).toContainText('The city council voted 7–2 on Monday')
  await page.waitForTimeout(300)
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(requests.filter((url) => url.includes('127.0.0.1:9'))).toEqual([])
  expect(await articleText(page).locator('script, iframe, form, img, svg, a, [onload], [onerror]').count()).toBe(0)
})

test('update the sample article from an edited version; review a moved claim and an orphaned one', async ({ launchApp }) => {
  const app = await launchApp()
  const { page } = app
  await expect(articleText(page)).toBeVisible()

  // Three claims on the original text.
  await selectByMouse(page, 3, 'In January-June', '$294.6 million.')
  await page.keyboard.press('m')
  await answerReviewerPrompt(page)
  await page.keyboard.press('2')
  await selectByMouse(page, 4, 'Today Kazakhstan is home to eight joint plants')
  await page.keyboard.press('m')
  await page.keyboard.press('1')
  await selectByMouse(page, 6, '2017 is a year for the two countries')
  await page.keyboard.press('m')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(3)

  // The edited version: a correction inserted above, one claim's words changed, one sentence cut.
  const edited = readFileSync(fixture('belta-2017-08-14-belarus-kazakhstan-trade.txt'), 'utf8')
    .replace('BelTA has learned.', 'BelTA has learned. (Updated 15 August with official figures.)')
    .replace('Today Kazakhstan is home to eight joint plants', 'Today Kazakhstan is home to nine joint plants')
    .replace('The prime minister of Belarus noted that 2017 is a year for the two countries to celebrate 25 years of diplomatic relations. ', '')

  await page.getByRole('button', { name: 'Update text…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Update from a new version' })
  await dialog.getByRole('textbox', { name: 'Text' }).fill(edited)
  await dialog.getByRole('button', { name: 'Update article' }).click()
  await expect(page.getByText('Updated: 1 claim in place, 1 moved, 1 not found. See “Needs a look”.')).toBeVisible()
  await expect(articleText(page)).toContainText('Updated 15 August with official figures')

  // The untouched claim is still drawn over the same words; the orphan is listed, not drawn.
  expect(await highlightTexts(page, 'fm-disputed')).toEqual(['In January-June the trade soared almost 80% to make up $294.6 million.'])
  const look = page.getByRole('group', { name: 'Show claims by verdict' }).getByRole('button', { name: /Needs a look/ })
  await expect(look).toHaveAttribute('aria-pressed', 'true')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(2)
  await saveScreenshot(page, 'update-needs-a-look')

  // The report says where each claim stands, before anyone has looked at them.
  await page.getByRole('button', { name: 'Export report…' }).click()
  const exportDialog = page.getByRole('dialog', { name: 'Export report' })
  await exportDialog.getByRole('radio', { name: /^HTML report/ }).check()
  await exportDialog.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByText(/^Report saved to .*\.html$/)).toBeVisible()
  const reportFile = join(app.exportsDir, (await readdir(app.exportsDir)).find((name) => name.endsWith('.html'))!)
  const report = await page.context().newPage()
  await report.goto(pathToFileURL(reportFile).href)
  await expect(report.getByText('Not found in the current text', { exact: false }).first()).toBeVisible()
  await expect(report.getByText(/Text changed, re-check/).first()).toBeVisible()
  await report.screenshot({ path: join(SCREENSHOT_DIR, 'report-after-update.png'), fullPage: true })
  await report.close()

  // The moved claim: its text changed; accept it. Its verdict was given for the old words, and says so until confirmed.
  await claimList(page).getByRole('button', { name: /nine joint plants/ }).click()
  const panel = claimPanel(page)
  await expect(panel.getByRole('status', { name: 'Where this claim sits after the update' })).toContainText('Text changed, re-check. It was: “Today Kazakhstan is home to eight joint plants”')
  await panel.getByRole('button', { name: 'Accept' }).click()
  await expect(panel.getByRole('status', { name: 'Where this claim sits after the update' })).toBeHidden()
  // Still to look at: its verdict is for the earlier words.
  await expect(claimList(page).getByRole('listitem')).toHaveCount(2)
  const wording = panel.getByRole('status', { name: 'The verdict is for earlier words' })
  await expect(wording).toContainText('Verified was given for the earlier wording: “Today Kazakhstan is home to eight joint plants”')
  await saveScreenshot(page, 'verdict-for-earlier-wording')
  await wording.getByRole('button', { name: 'Keep Verified for the new words' }).click()
  await expect(wording).toBeHidden()
  await expect(panel.getByRole('heading', { name: 'Verified' })).toBeVisible()
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1)

  // The orphan: nothing to show in the article, and the panel says why; re-attach it to a selection in the new text.
  await claimList(page).getByRole('button', { name: /2017 is a year/ }).click()
  await expect(panel.getByRole('status', { name: 'Where this claim sits after the update' })).toContainText('Not found in the current text.')
  await panel.getByRole('button', { name: 'Show in article' }).click()
  await expect(page.getByText(/This claim is not in the current text, so nothing is highlighted/)).toBeVisible()
  await saveScreenshot(page, 'orphaned-claim')
  const target = 'Over these years our cooperation has gained strategic importance'
  const located = await page.evaluate((target) => {
    for (const element of document.querySelectorAll('[data-testid="article-text"] [data-block]')) {
      const start = element.textContent!.indexOf(target)
      if (start >= 0) return { block: Number((element as HTMLElement).dataset.block), start }
    }
    throw new Error('target not found')
  }, target)
  await selectInBlock(page, located.block, located.start, located.start + target.length)
  await panel.getByRole('button', { name: 'Re-attach to the selection' }).click()
  await expect(look).toBeHidden()
  await expect(panel.locator('blockquote').first()).toHaveText(target)
  expect(await highlightTexts(page, 'fm-unreviewed')).toEqual([target])

  // Undo brings the orphan back (and "Needs a look" with it), and undoing the update restores the old text and claims;
  // with nothing left to look at, the "Needs a look" filter switches itself off.
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+z') // re-attach
  await expect(look).toBeVisible()
  await look.click()
  await expect(look).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Control+z') // keep verdict
  await page.keyboard.press('Control+z') // accept
  await page.keyboard.press('Control+z') // update
  await expect(articleText(page)).not.toContainText('Updated 15 August')
  expect(await highlightTexts(page, 'fm-verified')).toEqual(['Today Kazakhstan is home to eight joint plants'])
  await expect(look).toBeHidden()
  await expect(page.getByRole('group', { name: 'Show claims by verdict' }).getByRole('button', { name: /^All/ })).toHaveAttribute('aria-pressed', 'true')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(3)
})
