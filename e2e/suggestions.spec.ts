import { test, expect } from './support/launch-app'
import { answerReviewerPrompt, articleText, claimList, claimPanel, highlightTexts, openArticleId, readArticleFile } from './support/review'
import { saveScreenshot } from './support/screenshots'

const suggestionList = (page: import('@playwright/test').Page) => page.getByRole('list', { name: 'Suggested claims, strongest first' })

test('suggested claims on the sample article: accept two (button and keyboard), dismiss one, reopen: two claims, the dismissed one stays hidden', async ({ launchApp, workspaceDir }) => {
  const first = await launchApp()
  const { page } = first
  await expect(articleText(page)).toBeVisible()

  await page.getByRole('button', { name: /^Suggestions/ }).click()
  const list = suggestionList(page)
  await expect(list.getByRole('listitem').first()).toBeVisible()
  const before = await list.getByRole('listitem').count()
  expect(before).toBeGreaterThanOrEqual(5)
  // strongest first, each with its score and reasons; the article shows them as faint marks
  const scores = (await list.locator('.score').allTextContents()).map((s) => Number.parseInt(s, 10))
  expect(scores).toEqual([...scores].sort((a, b) => b - a))
  expect(await highlightTexts(page, 'fm-suggestion')).toHaveLength(before)
  const trade = list.getByRole('listitem').filter({ hasText: '$294.6 million' })
  await expect(trade.locator('.kind').first()).toBeVisible()
  await expect(trade).toContainText('quantity')
  await saveScreenshot(page, 'suggestions')

  // 1. Accept by button: the trade sentence becomes a claim on exactly its words
  const tradeWords = (await trade.locator('.words').textContent())!.trim()
  expect(tradeWords).not.toMatch(/…$/) // short enough to be shown whole
  await trade.getByRole('button', { name: 'Accept' }).click()
  await answerReviewerPrompt(page, 'Ana Reviewer')
  await expect(claimPanel(page).locator('blockquote').first()).toHaveText(tradeWords)
  await expect(claimPanel(page)).toContainText('Suggested by Factmark, accepted by Ana Reviewer')
  await expect(list.getByRole('listitem')).toHaveCount(before - 1)

  // 2. Keyboard: J focuses the strongest left, A accepts it; J, X dismisses the next
  await page.locator('main.reader').focus()
  await page.keyboard.press('j')
  const focused = list.locator('li.focused .words')
  const acceptedShown = (await focused.textContent())!.trim().replace(/…$/, '')
  await page.keyboard.press('a')
  await expect(list.getByRole('listitem')).toHaveCount(before - 2)
  await expect(list.locator('li.focused')).toHaveCount(1) // the focus moved on to the next
  // the list shows long sentences shortened (…): their start identifies them
  const shown = (words: string) => words.replace(/…$/, '')
  const dismissedShown = shown((await focused.textContent())!.trim())
  await page.keyboard.press('x')
  await expect(list.getByRole('listitem')).toHaveCount(before - 3)
  await expect(list.getByRole('listitem').filter({ hasText: dismissedShown })).toHaveCount(0)
  const id = await openArticleId(page)
  const dismissed = (await readArticleFile(workspaceDir, id)).dismissed ?? []
  expect(dismissed).toHaveLength(1)
  const dismissedWords = dismissed[0]!
  expect(dismissedWords.startsWith(dismissedShown)).toBe(true)
  expect(await highlightTexts(page, 'fm-suggestion')).not.toContain(dismissedWords)
  expect(await highlightTexts(page, 'fm-suggestion')).toHaveLength(before - 3)

  // the claims list holds the two accepted ones
  await page.getByRole('button', { name: /^Claims/ }).click()
  await expect(claimList(page).getByRole('listitem')).toHaveCount(2)

  const onDisk = await readArticleFile(workspaceDir, id)
  expect(onDisk.claims).toHaveLength(2)
  expect(onDisk.claims.some((c) => c.quote.exact === tradeWords)).toBe(true)
  const acceptedByKey = onDisk.claims.find((c) => c.quote.exact !== tradeWords)!.quote.exact
  expect(acceptedByKey.startsWith(acceptedShown)).toBe(true)
  expect(onDisk.claims.every((c) => c.origin?.kind === 'suggested')).toBe(true)
  expect(onDisk.dismissed).toEqual([dismissedWords])
  await first.close()

  // Reopen on the same workspace
  const second = await launchApp({ workspaceDir })
  const again = second.page
  await expect(articleText(again)).toBeVisible()
  await expect(claimList(again).getByRole('listitem')).toHaveCount(2)
  await again.getByRole('button', { name: /^Suggestions/ }).click()
  const reopened = suggestionList(again)
  await expect(reopened.getByRole('listitem')).toHaveCount(before - 3)
  for (const gone of [tradeWords, acceptedShown, dismissedShown]) await expect(reopened.getByRole('listitem').filter({ hasText: gone })).toHaveCount(0)
  expect(await highlightTexts(again, 'fm-suggestion')).not.toContain(dismissedWords)
  await saveScreenshot(again, 'suggestions-after-reopen')

  // Numbers: the trade sum is found consistent, and attaches to the claim that covers it as a note in one click
  await again.getByRole('button', { name: /^Numbers/ }).click()
  const findings = again.getByRole('list', { name: 'Arithmetic findings in article order' })
  const sum = findings.getByRole('listitem').filter({ hasText: '252.6' }).first()
  await expect(sum).toContainText('Consistent')
  await sum.getByRole('button', { name: /Add as a note to/ }).click()
  await again.getByRole('button', { name: /^Claims/ }).click()
  await claimList(again).getByRole('button', { name: /In January-June/ }).click()
  await expect(claimPanel(again).getByText(/^Arithmetic check: consistent\./)).toBeVisible()
  await saveScreenshot(again, 'claim-with-number-check')
  await second.close()
})
