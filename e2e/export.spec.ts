import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { test, expect } from './support/launch-app'
import { answerReviewerPrompt, articleText, claimList, claimPanel, selectByMouse } from './support/review'
import { SCREENSHOT_DIR, saveScreenshot } from './support/screenshots'

test('export HTML and PDF reports through the app; the HTML report runs no script and loads nothing', async ({ launchApp }) => {
  const app = await launchApp()
  const { page } = app
  await expect(articleText(page)).toBeVisible()

  // A reviewed claim with a hostile note, so the report has something to escape.
  await selectByMouse(page, 3, 'In January-June', '$294.6 million.')
  await page.keyboard.press('m')
  await answerReviewerPrompt(page, 'Ana Reviewer')
  await page.keyboard.press('2')
  await claimPanel(page).getByRole('textbox', { name: 'New note' }).fill('<script>window.__pwned = 1</script> "Belstat" says 79.6%, not 80%')
  await claimPanel(page).getByRole('button', { name: 'Add note' }).click()
  await page.keyboard.press('Escape')
  await page.keyboard.press(']')
  await page.keyboard.press('m')
  await page.keyboard.press('1')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(2)

  // HTML, through the dialog.
  await page.getByRole('button', { name: 'Export report…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export report' })
  await dialog.getByRole('radio', { name: /^HTML report/ }).check()
  await dialog.getByRole('textbox', { name: 'Organisation' }).fill('The Fact Desk')
  await saveScreenshot(page, 'export-dialog')
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText(/^Report saved to .*\.html$/)).toBeVisible()

  // PDF, through the dialog (Ctrl+E opens it).
  await page.keyboard.press('Control+e')
  await dialog.getByRole('radio', { name: /^PDF report/ }).check()
  await dialog.getByRole('button', { name: 'Export…' }).click()
  await expect(page.getByText(/^Report saved to .*\.pdf$/)).toBeVisible()

  const files = (await readdir(app.exportsDir)).sort()
  expect(files).toEqual([
    'Belarus aims to intensify trade and economic cooperation with Kazakhstan.html',
    'Belarus aims to intensify trade and economic cooperation with Kazakhstan.pdf'
  ])
  const html = await readFile(join(app.exportsDir, files[0]!), 'utf8')
  expect(html).toContain('The Fact Desk')
  expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;')
  expect(html).not.toMatch(/<script/i)

  const pdf = await readFile(join(app.exportsDir, files[1]!))
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  // Render the first page to PNG to look at (poppler-utils' pdftoppm, installed by .ci/run).
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', join(app.exportsDir, files[1]!), join(SCREENSHOT_DIR, 'report-pdf')])
  expect(existsSync(join(SCREENSHOT_DIR, 'report-pdf-1.png'))).toBe(true)

  // Open the HTML report as a reader would: no script runs, nothing is requested.
  const reader = await page.context().newPage()
  const requests: string[] = []
  reader.on('request', (request) => requests.push(request.url()))
  await reader.goto(pathToFileURL(join(app.exportsDir, files[0]!)).href)
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Belarus aims to intensify trade and economic cooperation with Kazakhstan')
  await expect(reader.getByText('<script>window.__pwned = 1</script> "Belstat" says 79.6%, not 80%')).toBeVisible()
  expect(await reader.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(await reader.evaluate(() => document.scripts.length)).toBe(0)
  expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([])
  await reader.screenshot({ path: join(SCREENSHOT_DIR, 'report-html.png'), fullPage: true })
  await reader.close()
})
