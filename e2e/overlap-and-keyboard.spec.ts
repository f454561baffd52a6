import { test, expect } from './support/launch-app'
import { answerReviewerPrompt, articleText, claimList, claimPanel, highlightTexts, selectByMouse } from './support/review'
import { saveScreenshot } from './support/screenshots'

const LONG = 'In January-June the trade soared almost 80% to make up $294.6 million.'
const SHORT = 'almost 80%'

test('overlapping claims: both drawn, a click on the overlap opens the shorter, the longer is one click away', async ({ launchApp }) => {
  const { page } = await launchApp()
  await expect(articleText(page)).toBeVisible()

  await selectByMouse(page, 3, 'In January-June', '$294.6 million.')
  await page.keyboard.press('m')
  await answerReviewerPrompt(page)
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1)
  await selectByMouse(page, 3, SHORT)
  await page.keyboard.press('m')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(2)
  await page.keyboard.press('Escape')

  // Both claims are drawn, and the text under both gets its own look.
  expect((await highlightTexts(page, 'fm-unreviewed')).sort()).toEqual([LONG, SHORT].sort())
  expect(await highlightTexts(page, 'fm-overlap')).toEqual([SHORT])

  // Click in the middle of "almost 80%": the shorter claim opens.
  const point = await page.evaluate((short) => {
    const node = document.querySelector('[data-testid="article-text"] [data-block="3"]')!.firstChild as Text
    const start = node.data.indexOf(short) + 3
    const range = new Range()
    range.setStart(node, start)
    range.setEnd(node, start + 1)
    const rect = range.getBoundingClientRect()
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
  }, SHORT)
  await page.mouse.click(point.x, point.y)
  const panel = claimPanel(page)
  await expect(panel.locator('blockquote').first()).toHaveText(SHORT)
  expect(await highlightTexts(page, 'fm-selected')).toEqual([SHORT])

  // The longer claim under the same spot is offered in the panel.
  await panel.getByRole('group', { name: 'Other claims at this place' }).getByRole('button', { name: /In January-June/ }).click()
  await expect(panel.locator('blockquote').first()).toHaveText(LONG)
  expect(await highlightTexts(page, 'fm-selected')).toEqual([LONG])

  // Clicking a part only the longer claim covers opens it directly.
  const outside = await page.evaluate(() => {
    const node = document.querySelector('[data-testid="article-text"] [data-block="3"]')!.firstChild as Text
    const start = node.data.indexOf('the trade soared') + 5
    const range = new Range()
    range.setStart(node, start)
    range.setEnd(node, start + 1)
    const rect = range.getBoundingClientRect()
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
  })
  await page.keyboard.press('Escape')
  await page.mouse.click(outside.x, outside.y)
  await expect(panel.locator('blockquote').first()).toHaveText(LONG)

  // And from the context menu on the overlap, both are listed, shortest first.
  await page.mouse.click(point.x, point.y, { button: 'right' })
  const menu = page.getByRole('menu', { name: 'Article actions' })
  await expect(menu.getByRole('menuitem')).toHaveText([/Mark as claim/, /Open claim “almost 80%” \(shortest\)/, /Open claim “In January-June/])
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
})

test('the whole loop by keyboard alone: select, mark, verdict, note, source, next claim', async ({ launchApp }) => {
  const { page } = await launchApp()
  await expect(articleText(page)).toBeVisible()

  // ] selects the first sentence; Shift+] grows the selection by one more.
  await page.keyboard.press(']')
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toMatch(/^ASTANA, 14 August \(BelTA\) – Belarus is aimed/)
  await page.keyboard.press('m')
  await answerReviewerPrompt(page, 'Kim Keyboard', { byKeyboard: true })
  await page.keyboard.press('2') // disputed
  await expect(claimPanel(page).getByRole('heading', { name: 'Disputed' })).toBeVisible()

  await page.keyboard.press(']')
  await page.keyboard.press(']')
  await page.keyboard.press('Shift+BracketRight')
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toMatch(/^In this respect .* Minsk\.$/)
  await page.keyboard.press('m')
  await page.keyboard.press('1') // verified
  await expect(claimList(page).getByRole('listitem')).toHaveCount(2)
  await expect(claimPanel(page).getByRole('heading', { name: 'Verified' })).toBeVisible()

  // n focuses the note field; Ctrl+Enter saves.
  await page.keyboard.press('n')
  await expect(claimPanel(page).getByRole('textbox', { name: 'New note' })).toBeFocused()
  await page.keyboard.type('Signing confirmed by the Kazakh government press office.')
  await page.keyboard.press('Control+Enter')
  await expect(claimPanel(page).getByText('Signing confirmed by the Kazakh government press office.', { exact: true })).toBeVisible()

  // s opens the source form with the link field focused; Tab through the fields, Enter submits.
  await page.keyboard.press('Escape') // leave the note field…
  await page.keyboard.press('k') // …previous claim
  await page.keyboard.press('j') // …and back
  await page.keyboard.press('s')
  await expect(page.getByRole('textbox', { name: 'Link' })).toBeFocused()
  await page.keyboard.type('https://www.akorda.kz/en/')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Official visit to Minsk')
  await page.keyboard.press('Enter')
  await expect(claimPanel(page).getByRole('button', { name: 'Official visit to Minsk', exact: true })).toBeVisible()

  // j / k move between claims in article order; focus is always visible.
  await page.keyboard.press('Escape') // out of the form
  await page.keyboard.press('j')
  await expect(claimPanel(page).locator('blockquote').first()).toHaveText(/^ASTANA/)
  await page.keyboard.press('j')
  await expect(claimPanel(page).locator('blockquote').first()).toHaveText(/^In this respect/)
  await page.keyboard.press('k')
  await expect(claimPanel(page).locator('blockquote').first()).toHaveText(/^ASTANA/)

  // ? shows the shortcuts.
  await page.keyboard.press('?')
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(overlay).toBeVisible()
  await saveScreenshot(page, 'shortcuts-overlay')
  await page.keyboard.press('Escape')
  await expect(overlay).toBeHidden()

  await expect(page.getByTestId('progress')).toHaveText('2 of 2 reviewed — 1 verified, 1 disputed')
})
