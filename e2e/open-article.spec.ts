import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { test, expect } from './support/launch-app'
import { projectRoot } from './support/mode'
import { saveScreenshot } from './support/screenshots'

const SAMPLE_TITLE = 'Belarus aims to intensify trade and economic cooperation with Kazakhstan'
const fixture = (name: string) => join(projectRoot, 'test', 'fixtures', name)

test('a fresh workspace is seeded with the sample article, which opens with its exact paragraphs', async ({ launchApp }) => {
  const { page, mode } = await launchApp()
  test.info().annotations.push({ type: 'mode', description: mode })

  const list = page.getByRole('navigation', { name: 'Articles' })
  await expect(list.getByRole('button', { name: new RegExp(`^${SAMPLE_TITLE}`) })).toBeVisible()
  await expect(list.getByRole('button', { name: new RegExp(`^${SAMPLE_TITLE}`) })).toContainText('0 claims')

  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible()
  await expect(page.getByText('ASTANA, 14 August (BelTA)', { exact: true })).toBeVisible()
  await expect(page.getByText(/^BelTA · (14 August 2017|August 14, 2017)$/)).toBeVisible()

  const expected = readFileSync(fixture('belta-2017-08-14-belarus-kazakhstan-trade.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
  const shown = await page.getByTestId('article-text').locator('.block').allTextContents()
  expect(shown).toEqual(expected)
  // One text node per block: highlights are drawn over these nodes, never by changing them.
  const textNodesPerBlock = await page
    .getByTestId('article-text')
    .locator('.block')
    .evaluateAll((blocks) => blocks.map((b) => [...b.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).length))
  expect(new Set(textNodesPerBlock)).toEqual(new Set([1]))

  await saveScreenshot(page, 'article-view')
})

test('an article imported with the CLI appears when the app starts on that workspace', async ({ launchApp, workspaceDir }) => {
  const id = execFileSync(
    process.execPath,
    [join(projectRoot, 'bin', 'factmark.js'), 'import', fixture('unicode-mixed.txt'), '--workspace', workspaceDir, '--title', 'Multilingual wire roundup'],
    { encoding: 'utf8' }
  ).trim()
  expect(id).toMatch(/^[a-z0-9]{10}$/)

  const { page } = await launchApp()
  const entry = page.getByRole('navigation', { name: 'Articles' }).getByRole('button', { name: /^Multilingual wire roundup/ })
  await expect(entry).toBeVisible()
  await entry.click()
  await expect(page.getByRole('heading', { level: 1, name: 'Multilingual wire roundup' })).toBeVisible()
  const expected = readFileSync(fixture('unicode-mixed.txt'), 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  expect(await page.getByTestId('article-text').locator('.block').allTextContents()).toEqual(expected)
})

test('a corrupt article file is reported and kept, while the other articles open', async ({ launchApp, workspaceDir }) => {
  execFileSync(process.execPath, [join(projectRoot, 'bin', 'factmark.js'), 'import', fixture('belta-2017-08-14-belarus-kazakhstan-trade.txt'), '--workspace', workspaceDir, '--title', 'Good article'])
  await mkdir(join(workspaceDir, 'articles'), { recursive: true })
  await writeFile(join(workspaceDir, 'articles', 'broken1234.json'), '{ "format": "factmark-article", "version": 1, ')

  const { page } = await launchApp()
  const alert = page.getByRole('alert', { name: 'Files that could not be opened' })
  await expect(alert).toContainText('articles/broken1234.json')
  await expect(alert).toContainText('not valid JSON')
  await expect(alert).toContainText(/broken1234\.corrupt-.*\.json/)
  await expect(page.getByRole('heading', { level: 1, name: 'Good article' })).toBeVisible()
  await saveScreenshot(page, 'corrupt-file-reported')
})
