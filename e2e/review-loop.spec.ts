import { test, expect } from './support/launch-app'
import { answerReviewerPrompt, articleText, claimList, claimPanel, highlightTexts, openArticleId, readArticleFile, selectByMouse } from './support/review'
import { saveScreenshot } from './support/screenshots'

const SENTENCE = 'In January-June the trade soared almost 80% to make up $294.6 million.'

test('mark a sentence with the mouse, dispute it, add a note and a source; all of it is back after a restart', async ({ launchApp, workspaceDir }) => {
  const first = await launchApp()
  const { page } = first
  await expect(articleText(page)).toBeVisible()

  const selected = await selectByMouse(page, 3, 'In January-June', '$294.6 million.')
  expect(selected).toBe(SENTENCE)
  await page.getByRole('button', { name: /Mark claim/ }).click()
  await answerReviewerPrompt(page, 'Ana Reviewer')

  const panel = claimPanel(page)
  await expect(panel.locator('blockquote').first()).toHaveText(SENTENCE)
  await panel.getByRole('radio', { name: /Disputed/ }).check({ force: true })
  await expect(panel.getByRole('heading', { name: 'Disputed' })).toBeVisible()

  await panel.getByRole('textbox', { name: 'New note' }).fill('Belstat puts the January–June rise at 79.6%, not “almost 80%”.')
  await panel.getByRole('button', { name: 'Add note' }).click()
  await expect(panel.getByRole('listitem').filter({ hasText: 'Belstat puts' })).toContainText('Ana Reviewer')

  await panel.getByRole('button', { name: /Add source/ }).click()
  const form = page.getByRole('form', { name: 'Add a source' })
  await form.getByRole('textbox', { name: 'Link' }).fill('https://www.belstat.gov.by/en/ofitsialnaya-statistika/')
  await form.getByRole('textbox', { name: 'Title' }).fill('Foreign trade in goods, January–June 2017')
  await form.getByRole('textbox', { name: 'Publisher' }).fill('National Statistical Committee of Belarus')
  await form.getByRole('textbox', { name: 'Quoted excerpt' }).fill('Trade with Kazakhstan: $294.6 million, 179.6% of the level of January–June 2016.')
  await form.getByRole('radio', { name: 'Refutes the claim' }).check()
  await form.getByRole('button', { name: 'Add source' }).click()
  await expect(panel.getByRole('button', { name: 'Foreign trade in goods, January–June 2017', exact: true })).toBeVisible()

  await expect(page.getByTestId('progress')).toHaveText('1 of 1 reviewed — 1 disputed')
  expect(await highlightTexts(page, 'fm-disputed')).toEqual([SENTENCE])
  await saveScreenshot(page, 'claim-panel-after-review')

  const id = await openArticleId(page)
  await first.close()

  // Restart on the same workspace.
  const second = await launchApp({ workspaceDir })
  const again = second.page
  await expect(articleText(again)).toBeVisible()
  expect(await highlightTexts(again, 'fm-disputed')).toEqual([SENTENCE])
  await claimList(again).getByRole('button', { name: /In January-June/ }).click()
  const restored = claimPanel(again)
  await expect(restored.getByRole('heading', { name: 'Disputed' })).toBeVisible()
  await expect(restored.locator('blockquote').first()).toHaveText(SENTENCE)
  await expect(restored.getByText('Belstat puts the January–June rise at 79.6%, not “almost 80%”.', { exact: true })).toBeVisible()
  await expect(restored.getByRole('button', { name: 'Foreign trade in goods, January–June 2017', exact: true })).toBeVisible()
  await expect(restored.getByText('Refutes', { exact: true })).toBeVisible()
  await restored.getByText('History').click()
  const history = restored.getByRole('list', { name: 'Changes to this claim, newest first' })
  await expect(history.getByRole('listitem')).toHaveText([
    /Ana Reviewer added the source “Foreign trade in goods, January–June 2017” \(refutes\)/,
    /Ana Reviewer added a note “Belstat puts/,
    /Ana Reviewer set the verdict to Disputed \(was Unreviewed\)/,
    /Ana Reviewer marked the claim “In January-June/
  ])

  // The file on disk says the same, with the audit trail.
  const doc = await readArticleFile(workspaceDir, id)
  expect(doc.claims).toHaveLength(1)
  expect(doc.claims[0]).toMatchObject({ verdict: 'disputed', quote: { exact: SENTENCE } })
  // Authors are stable reviewer ids; the name goes with each change, for the audit trail.
  const ana = doc.claims[0]!.createdBy
  expect(doc.people[ana]).toBe('Ana Reviewer')
  expect(doc.log.slice(1).every((op) => op.by === ana)).toBe(true)
  expect(doc.log.map((op) => `${op.name}: ${op.type}`).slice(1)).toEqual([
    'Ana Reviewer: claim.create',
    'Ana Reviewer: claim.setVerdict',
    'Ana Reviewer: claim.addNote',
    'Ana Reviewer: claim.addSource'
  ])
})
