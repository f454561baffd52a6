import { createServer, type Server } from 'node:http'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './support/launch-app'
import { answerReviewerPrompt, articleText, claimPanel, selectByMouse } from './support/review'
import { saveScreenshot } from './support/screenshots'

/** What no message a reviewer reads may contain: schema dumps, zod paths, Node's error codes. */
function expectWords(text: string): void {
  expect(text.trim().length, 'a message is shown').toBeGreaterThan(10)
  expect(text).not.toContain('✖')
  expect(text).not.toContain('→ at')
  expect(text).not.toMatch(/\bE[A-Z]{3,}\b/)
  expect(text).not.toMatch(/\b(?:op|source|input)\.[a-z]+\.[a-z]+/)
  expect(text).not.toMatch(/fetch failed|Invalid input|expected string/i)
}

async function shownIn(locator: Locator): Promise<string> {
  await expect(locator).toBeVisible()
  const text = await locator.innerText()
  expectWords(text)
  return text
}

/** Pages that fail in each way a fetch can: not there, not a page, too big; and a port where nothing answers. */
async function failingSite(): Promise<{ url: string; deadUrl: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.url === '/missing') return response.writeHead(404).end('gone')
    if (request.url === '/report.pdf') return response.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4')
    if (request.url === '/huge') return response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(30 * 1024 * 1024) }).end()
    response.writeHead(500).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  const dead = createServer()
  await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve))
  const deadPort = (dead.address() as { port: number }).port
  await new Promise<void>((resolve) => dead.close(() => resolve()))
  return { url: `http://127.0.0.1:${port}`, deadUrl: `http://127.0.0.1:${deadPort}/story`, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

async function tryImport(page: Page, fill: (dialog: Locator) => Promise<void>): Promise<string> {
  await page.getByRole('button', { name: 'New article…' }).click()
  const dialog = page.getByRole('dialog', { name: 'New article' })
  await fill(dialog)
  await dialog.getByRole('button', { name: 'Add article' }).click()
  // The refusal is in the dialog, beside what caused it, not in a notice behind it.
  const text = await shownIn(dialog.getByRole('alert'))
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  return text
}

const webAddress = (url: string) => async (dialog: Locator) => {
  await dialog.getByText('Web address', { exact: true }).click()
  await dialog.getByRole('textbox', { name: 'Web address' }).fill(url)
}

const file = (path: string) => async (dialog: Locator) => {
  await dialog.getByText('File', { exact: true }).click()
  await dialog.locator('input[type="file"]').setInputFiles(path)
}

test('every refusal the reviewer can meet is said in words, beside what caused it', async ({ launchApp }) => {
  test.setTimeout(60_000)
  const site = await failingSite()
  const files = await mkdtemp(join(tmpdir(), 'factmark-bad-files-'))
  try {
    const { page } = await launchApp()
    await expect(articleText(page)).toBeVisible()

    // Web pages: not found (not-found), not a page (unsupported-type), too big (too-large), nobody answering (io).
    expect(await tryImport(page, webAddress(`${site.url}/missing`))).toMatch(/404|not found|no page/i)
    expect(await tryImport(page, webAddress(`${site.url}/report.pdf`))).toMatch(/not a web page|PDF/i)
    expect(await tryImport(page, webAddress(`${site.url}/huge`))).toMatch(/20 MB/)
    expect(await tryImport(page, webAddress(site.deadUrl))).toMatch(/connect|answer/i)
    expect(await tryImport(page, webAddress('ftp://example.org/story'))).toMatch(/https?:\/\//)

    // Files: a type Factmark does not read (unsupported-type), an empty one (empty), bytes that are not text (binary).
    await writeFile(join(files, 'report.pdf'), '%PDF-1.4')
    await writeFile(join(files, 'empty.txt'), '')
    await writeFile(join(files, 'photo.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)))
    expect(await tryImport(page, file(join(files, 'report.pdf')))).toMatch(/\.pdf/)
    expect(await tryImport(page, file(join(files, 'empty.txt')))).toMatch(/empty/)
    expect(await tryImport(page, file(join(files, 'photo.txt')))).toMatch(/not text|binary/i)

    // A claim's fields: a note past its limit says so before it is sent; an unsafe source link is refused beside it.
    await selectByMouse(page, 3, 'In January-June', '$294.6 million.')
    await page.keyboard.press('m')
    await answerReviewerPrompt(page)
    const panel = claimPanel(page)
    await panel.getByRole('textbox', { name: 'New note' }).fill('n'.repeat(25_000))
    expect(await shownIn(panel.getByText(/^A note can be at most/))).toBe('A note can be at most 20,000 characters; this one has 25,000.')
    await expect(panel.getByRole('button', { name: 'Add note' })).toBeDisabled()
    await saveScreenshot(page, 'note-too-long')
    await panel.getByRole('textbox', { name: 'New note' }).fill('')
    await panel.getByRole('button', { name: /^Add source/ }).click()
    await page.getByRole('textbox', { name: 'Link' }).fill('javascript:alert(document.domain)')
    await page.getByRole('button', { name: 'Add source', exact: true }).click()
    expect(await shownIn(panel.getByRole('alert'))).toMatch(/Only web links/)
    await page.getByRole('button', { name: 'Cancel' }).click()

    // Settings main refuses (invalid-argument) come back as a sentence in the dialog that asked.
    await page.getByRole('button', { name: 'Export report…' }).click()
    const exporting = page.getByRole('dialog', { name: 'Export report' })
    await exporting.getByRole('radio', { name: /ClaimReview/ }).check()
    await exporting.getByRole('textbox', { name: 'Address of the published report' }).fill('ftp://example.org/checks')
    await exporting.getByRole('button', { name: 'Export…' }).click()
    expect(await shownIn(exporting.getByRole('alert'))).toBe('The report address must start with https:// or http://.')
    await saveScreenshot(page, 'export-refused')
  } finally {
    await site.close()
    await rm(files, { recursive: true, force: true })
  }
})
