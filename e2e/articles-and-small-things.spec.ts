import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { bodyFromPlainText } from '../src/core/plain-text'
import { loadSamples } from '../src/main/workspace/samples'
import { openWorkspace } from '../src/main/workspace/workspace'
import { projectRoot } from './support/mode'
import { expect, test } from './support/launch-app'
import { answerReviewerPrompt, articleText, claimList, claimPanel, openArticleId, readArticleFile, selectByMouse } from './support/review'
import { saveScreenshot } from './support/screenshots'

const SAMPLE_TITLE = 'Belarus aims to intensify trade and economic cooperation with Kazakhstan'
const articles = (page: Page) => page.getByRole('navigation', { name: 'Articles' })
const entry = (page: Page, title: string) => articles(page).getByRole('button', { name: new RegExp(`^${title}`) })
const selection = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '')

test('rename an article; move it to the trash and back; delete it for good only after asking', async ({ launchApp, workspaceDir }) => {
  const { page } = await launchApp()
  await expect(articleText(page)).toBeVisible()
  const id = await openArticleId(page)

  await articles(page).getByRole('button', { name: `Actions for “${SAMPLE_TITLE}”` }).click()
  await page.getByRole('button', { name: 'Rename…' }).click()
  const rename = page.getByRole('dialog', { name: 'Rename article' })
  await rename.getByRole('textbox', { name: 'Title' }).fill('Belarus–Kazakhstan trade, August 2017')
  await rename.getByRole('button', { name: 'Rename' }).click()
  await answerReviewerPrompt(page, 'Rina Renamer')
  await expect(rename).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name: 'Belarus–Kazakhstan trade, August 2017' })).toBeVisible()
  await expect(entry(page, 'Belarus–Kazakhstan trade, August 2017')).toBeVisible()
  const renamed = await readArticleFile(workspaceDir, id)
  expect(renamed.article.title).toBe('Belarus–Kazakhstan trade, August 2017')
  expect(renamed.log.map((op) => [op.type, op.name])).toEqual([['article.create', expect.any(String)], ['article.rename', 'Rina Renamer']])

  // To the trash: gone from the list, kept on disk, back with the notice's Undo.
  await articles(page).getByRole('button', { name: /^Actions for/ }).click()
  await page.getByRole('button', { name: 'Move to trash' }).click()
  await expect(entry(page, 'Belarus–Kazakhstan')).toHaveCount(0)
  await expect(page.getByText('No articles yet')).toBeVisible()
  expect(existsSync(join(workspaceDir, 'trash', id))).toBe(true)
  const notice = page.getByRole('status').filter({ hasText: 'to the trash' })
  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(entry(page, 'Belarus–Kazakhstan')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'Belarus–Kazakhstan trade, August 2017' })).toBeVisible()

  // To the trash again, then deleted for good: a second step, confirmed.
  await articles(page).getByRole('button', { name: /^Actions for/ }).click()
  await page.getByRole('button', { name: 'Move to trash' }).click()
  await articles(page).getByText('Trash').click()
  await saveScreenshot(page, 'trash')
  await articles(page).getByRole('button', { name: 'Delete “Belarus–Kazakhstan trade, August 2017” for good' }).click()
  const confirm = page.getByRole('dialog', { name: 'Delete for good?' })
  await expect(confirm).toContainText('This cannot be undone.')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  expect(existsSync(join(workspaceDir, 'trash', id))).toBe(true)
  await articles(page).getByRole('button', { name: /for good$/ }).click()
  await confirm.getByRole('button', { name: 'Delete for good' }).click()
  await expect(articles(page).getByText('Trash')).toBeHidden()
  expect(existsSync(join(workspaceDir, 'trash', id))).toBe(false)
  expect(existsSync(join(workspaceDir, 'articles', id))).toBe(false)
})

test('undo history is kept per article: switching to another article and back, Undo still undoes', async ({ launchApp, workspaceDir }) => {
  const workspace = await openWorkspace(workspaceDir, { samples: () => loadSamples(join(projectRoot, 'data')), watch: false })
  await workspace.createArticle({ title: 'Second story', body: bodyFromPlainText('A short second story.\nWith two paragraphs.'), origin: { kind: 'paste' } })
  await workspace.close()
  const { page } = await launchApp()
  await entry(page, SAMPLE_TITLE).click()
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible()
  await selectByMouse(page, 3, 'In January-June', '$294.6 million.')
  await page.keyboard.press('m')
  await answerReviewerPrompt(page)
  await page.keyboard.press('2')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1)

  await entry(page, 'Second story').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Second story' })).toBeVisible()
  const undo = page.getByRole('toolbar', { name: 'Review' }).getByRole('button', { name: 'Undo' })
  await expect(undo).toBeDisabled()
  await entry(page, SAMPLE_TITLE).click()
  await expect(undo).toBeEnabled()
  await expect(claimList(page).getByRole('listitem')).toContainText('Disputed')
  await undo.click() // the verdict
  await expect(claimList(page).getByRole('listitem')).toContainText('Unreviewed')
  await undo.click() // the claim
  await expect(claimList(page).getByRole('listitem')).toHaveCount(0)
})

test('a newly opened article starts at its top', async ({ launchApp, workspaceDir }) => {
  const workspace = await openWorkspace(workspaceDir, { samples: () => loadSamples(join(projectRoot, 'data')), watch: false })
  const long = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of a long story, long enough to scroll.`).join('\n')
  await workspace.createArticle({ title: 'Long story', body: bodyFromPlainText(long), origin: { kind: 'paste' } })
  await workspace.close()
  const { page } = await launchApp()
  await expect(page.getByRole('heading', { level: 1, name: 'Long story' })).toBeVisible()
  const reader = page.getByRole('main', { name: 'Article' })
  await reader.evaluate((element) => element.scrollTo(0, element.scrollHeight))
  expect(await reader.evaluate((element) => element.scrollTop)).toBeGreaterThan(500)
  await entry(page, SAMPLE_TITLE).click()
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible()
  expect(await reader.evaluate((element) => element.scrollTop)).toBe(0)
})

test('Shift+[ shrinks the selection by one sentence; the Delete key offers Undo; search takes words in any order', async ({ launchApp }) => {
  const { page } = await launchApp()
  await expect(articleText(page)).toBeVisible()
  await selectByMouse(page, 3, 'According to Andrei Kobyakov', 'CIS member states.')
  const first = await selection(page)
  await page.keyboard.press('Shift+BracketRight')
  const two = await selection(page)
  await page.keyboard.press('Shift+BracketRight')
  const three = await selection(page)
  expect(three.length).toBeGreaterThan(two.length)
  await page.keyboard.press('Shift+BracketLeft')
  await expect.poll(() => selection(page)).toBe(two)
  await page.keyboard.press('Shift+BracketLeft')
  await expect.poll(() => selection(page)).toBe(first)
  await page.keyboard.press('Shift+BracketLeft') // one sentence is as small as it gets
  await expect.poll(() => selection(page)).toBe(first)

  await page.keyboard.press('m')
  await answerReviewerPrompt(page)
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1)
  await page.keyboard.press('Escape')
  await selectByMouse(page, 3, 'In January-June', '$294.6 million.')
  await page.keyboard.press('m')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(2)

  // Delete: gone, and the notice offers to bring it back.
  await page.keyboard.press('Delete')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1)
  const notice = page.getByRole('status').filter({ hasText: /^Deleted — / })
  await expect(notice).toBeVisible()
  await notice.getByRole('button', { name: 'Undo' }).click()
  await expect(claimList(page).getByRole('listitem')).toHaveCount(2)

  // Search: all the words typed, in any order, anywhere in the claim.
  const search = page.getByRole('searchbox', { name: 'Search claims, notes and sources' })
  await search.fill('kazakhstan third')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1)
  await expect(claimList(page).getByRole('listitem')).toContainText('According to Andrei Kobyakov')
  await search.fill('third kazakhstan')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1)
  await search.fill('kazakhstan eighty')
  await expect(page.getByText('No claim matches “kazakhstan eighty”.')).toBeVisible()
  await page.getByRole('button', { name: 'Clear the search' }).click()
  await expect(claimList(page).getByRole('listitem')).toHaveCount(2)

  // An empty filter says which one it is and offers to clear it.
  await page.getByRole('group', { name: 'Show claims by verdict' }).getByRole('button', { name: /^Disputed/ }).click()
  await expect(page.getByText('No disputed claim.')).toBeVisible()
  await saveScreenshot(page, 'empty-filter')
  await page.getByRole('button', { name: 'Show all verdicts' }).click()
  await expect(claimList(page).getByRole('listitem')).toHaveCount(2)
})

test('"Not now" on the name prompt keeps the words selected, and the next M asks again and marks them', async ({ launchApp }) => {
  const { page } = await launchApp()
  await expect(articleText(page)).toBeVisible()
  const words = await selectByMouse(page, 3, 'In January-June', '$294.6 million.')
  await page.keyboard.press('m')
  const prompt = page.getByRole('dialog', { name: 'Who is reviewing?' })
  await prompt.getByRole('button', { name: 'Not now' }).click()
  await expect(prompt).toBeHidden()
  await expect(page.getByText(/^Not marked yet/)).toBeVisible()
  await expect.poll(() => selection(page)).toBe(words)
  await expect(claimList(page).getByRole('listitem')).toHaveCount(0)

  await page.keyboard.press('m')
  await answerReviewerPrompt(page, 'Nadia Later')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1)
  await expect(claimPanel(page).locator('blockquote').first()).toHaveText(words)
})
