import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { test, expect } from './support/launch-app'
import { projectRoot } from './support/mode'
import { answerReviewerPrompt, articleText, claimList, claimPanel, highlightTexts, openArticleId, readArticleFile, selectInBlock } from './support/review'
import { saveScreenshot } from './support/screenshots'

function importUnicodeArticle(workspaceDir: string): void {
  execFileSync(process.execPath, [
    join(projectRoot, 'bin', 'factmark.js'), 'import', join(projectRoot, 'test', 'fixtures', 'unicode-mixed.txt'),
    '--workspace', workspaceDir, '--title', 'Multilingual wire roundup'
  ])
}

/** Block index and offsets of `phrase` inside the block that contains it. */
async function locate(page: import('@playwright/test').Page, phrase: string) {
  return page.evaluate((phrase) => {
    const blocks = [...document.querySelectorAll('[data-testid="article-text"] [data-block]')]
    for (const element of blocks) {
      const start = element.textContent!.indexOf(phrase)
      if (start >= 0) return { block: Number((element as HTMLElement).dataset.block), start, end: start + phrase.length }
    }
    throw new Error(`not found: ${phrase}`)
  }, phrase)
}

test('claims on emoji, right-to-left and combining-mark text cover exactly the selected characters', async ({ launchApp, workspaceDir }) => {
  importUnicodeArticle(workspaceDir)
  const { page } = await launchApp()
  await expect(articleText(page)).toBeVisible()
  const id = await openArticleId(page)

  const phrases = [
    '👨‍👩‍👧‍👦 and flags 🇧🇾🇰🇿', // joiner sequence and regional-indicator flags
    'الصادرات ارتفعت بنسبة 80٪', // right-to-left
    'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǒ̓͋' // stacked combining marks
  ]
  let first = true
  for (const phrase of phrases) {
    const { block, start, end } = await locate(page, phrase)
    const selected = await selectInBlock(page, block, start, end)
    expect(selected).toBe(phrase)
    await page.keyboard.press('m')
    if (first) await answerReviewerPrompt(page)
    first = false
    await expect(claimPanel(page).locator('blockquote').first()).toHaveText(phrase)
  }
  await expect(claimList(page).getByRole('listitem')).toHaveCount(3)

  const stored = (await readArticleFile(workspaceDir, id)).claims.map((c) => c.quote.exact)
  expect(stored.sort()).toEqual([...phrases].sort())
  expect((await highlightTexts(page, 'fm-unreviewed')).sort()).toEqual([...phrases].sort())

  // A selection that starts or ends inside a character (mid-emoji, mid-flag, before its combining marks)
  // grows to whole characters, and surrounding spaces are trimmed.
  await page.keyboard.press('Escape')
  const family = await locate(page, ' 👨‍👩‍👧‍👦 and flags 🇧🇾')
  await selectInBlock(page, family.block, family.start, family.end - 2) // leading space, ends inside 🇧🇾
  await page.keyboard.press('m')
  await expect(claimPanel(page).locator('blockquote').first()).toHaveText('👨‍👩‍👧‍👦 and flags 🇧🇾')
  const zalgo = await locate(page, 'Z̤͔ͧ̑̓ä͖̭̈̇')
  await selectInBlock(page, zalgo.block, zalgo.start + 2, zalgo.start + 7) // starts after Z's first mark, ends inside ä's marks
  await page.keyboard.press('m')
  await expect(claimPanel(page).locator('blockquote').first()).toHaveText('Z̤͔ͧ̑̓ä͖̭̈̇')
  const after = (await readArticleFile(workspaceDir, id)).claims.map((c) => c.quote.exact)
  expect(after).toContain('👨‍👩‍👧‍👦 and flags 🇧🇾')
  expect(after).toContain('Z̤͔ͧ̑̓ä͖̭̈̇')
  await saveScreenshot(page, 'unicode-claims')
})

test('every verdict drawn distinctly; no serious accessibility violation in the article, claim panel and claim list', async ({ launchApp, workspaceDir }) => {
  // A workspace named as a desk would name it: this view is also the README's screenshot.
  const { page } = await launchApp({ workspaceDir: join(workspaceDir, 'fact-desk') })
  await expect(articleText(page)).toBeVisible()
  // Five claims by keyboard, one per verdict, plus a nested one.
  const verdictKeys = ['1', '2', '3', '4', '0']
  for (const [i, key] of verdictKeys.entries()) {
    await page.keyboard.press(']')
    await page.keyboard.press('m')
    if (i === 0) await answerReviewerPrompt(page)
    await page.keyboard.press(key)
  }
  await expect(claimList(page).getByRole('listitem')).toHaveCount(5)
  const nested = await locate(page, 'a prompt signing of an agreement')
  await selectInBlock(page, nested.block, nested.start, nested.end)
  await page.keyboard.press('m')
  await page.keyboard.press('3')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(6)
  for (const name of ['fm-verified', 'fm-disputed', 'fm-needs-context', 'fm-unverifiable', 'fm-unreviewed']) {
    expect(await highlightTexts(page, name), name).not.toEqual([])
  }
  expect(await highlightTexts(page, 'fm-overlap')).toEqual(['a prompt signing of an agreement'])

  await claimPanel(page).getByRole('textbox', { name: 'New note' }).fill('The agreement was signed on 7 October.')
  await claimPanel(page).getByRole('button', { name: 'Add note' }).click()
  await claimPanel(page).getByText('History').click()
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0))
  await saveScreenshot(page, 'article-with-every-verdict')

  const results = await new AxeBuilder({ page }).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([])

  // The claim list filtered, and searched.
  await claimList(page).getByRole('button').first().click()
  await page.getByRole('group', { name: 'Show claims by verdict' }).getByRole('button', { name: /Needs context/ }).click()
  await expect(claimList(page).getByRole('listitem')).toHaveCount(2)
  await page.getByRole('group', { name: 'Show claims by verdict' }).getByRole('button', { name: /^All/ }).click()
  await page.getByRole('searchbox', { name: 'Search claims, notes and sources' }).fill('7 October')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1)
  await expect(claimList(page).getByRole('listitem')).toContainText('a prompt signing of an agreement')
  const filtered = await new AxeBuilder({ page }).analyze()
  expect(filtered.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  await saveScreenshot(page, 'claim-list-search')
})
