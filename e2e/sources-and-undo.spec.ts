import { test, expect } from './support/launch-app'
import { answerReviewerPrompt, articleText, claimList, claimPanel, highlightTexts, openArticleId, readArticleFile, selectByMouse } from './support/review'

test('source links: javascript: and file: are refused with a message; https goes to the system browser; the window stays put', async ({ launchApp, workspaceDir }) => {
  const app = await launchApp()
  const { page } = app
  await expect(articleText(page)).toBeVisible()
  const startUrl = page.url()
  const dialogs: string[] = []
  page.on('dialog', (dialog) => void dialogs.push(dialog.message()))
  let navigations = 0
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations++
  })

  await selectByMouse(page, 3, 'almost 80%')
  await page.keyboard.press('m')
  await answerReviewerPrompt(page)
  const panel = claimPanel(page)
  await panel.getByRole('button', { name: /Add source/ }).click()
  const form = page.getByRole('form', { name: 'Add a source' })
  const link = form.getByRole('textbox', { name: 'Link' })

  for (const [url, message] of <[string, string][]>[
    ['javascript:alert(1)', 'Only web links (http or https) can be sources; "javascript:" links are refused.'],
    ['file:///etc/passwd', 'Only web links (http or https) can be sources; "file:" links are refused.'],
    ['https://editor:hunter2@example.com/', 'Links with a user name or password in them are refused.']
  ]) {
    await link.fill(url)
    await form.getByRole('button', { name: 'Add source' }).click()
    await expect(form.getByRole('alert')).toHaveText(message)
  }
  const id = await openArticleId(page)
  expect((await readArticleFile(workspaceDir, id)).claims[0]!.sources).toEqual([])

  // Main refuses them too, whatever the renderer sends.
  const direct = await page.evaluate(() => window.factmark.openExternal({ url: 'javascript:alert(1)' }))
  expect(direct).toEqual({ ok: false, error: { code: 'unsafe-url', message: 'Only web links (http or https) can be sources; "javascript:" links are refused.' } })

  await link.fill('https://www.belstat.gov.by/en/')
  await form.getByRole('textbox', { name: 'Title' }).fill('Belstat')
  await form.getByRole('button', { name: 'Add source' }).click()
  await panel.getByRole('button', { name: 'Belstat', exact: true }).click()
  await expect.poll(() => app.openedExternally()).toEqual(['https://www.belstat.gov.by/en/'])
  expect(await app.openedExternally()).not.toContain('javascript:alert(1)')

  expect(page.url()).toBe(startUrl)
  expect(navigations).toBe(0)
  expect(dialogs).toEqual([])
})

test('undo and redo of create, verdict, note, source and delete', async ({ launchApp, workspaceDir }) => {
  const { page } = await launchApp()
  await expect(articleText(page)).toBeVisible()
  const panel = claimPanel(page)
  const items = claimList(page).getByRole('listitem')
  const claimsOnDisk = async () => (await readArticleFile(workspaceDir, await openArticleId(page))).claims

  // create
  await selectByMouse(page, 3, 'almost 80%')
  await page.keyboard.press('m')
  await answerReviewerPrompt(page)
  await expect(items).toHaveCount(1)
  await page.keyboard.press('Control+z')
  await expect(items).toHaveCount(0)
  expect(await highlightTexts(page, 'fm-unreviewed')).toEqual([])
  await expect.poll(claimsOnDisk).toEqual([])
  await page.keyboard.press('Control+Shift+z')
  await expect(items).toHaveCount(1)
  expect(await highlightTexts(page, 'fm-unreviewed')).toEqual(['almost 80%'])
  await items.first().getByRole('button').click()

  // verdict
  await page.keyboard.press('2')
  await expect(panel.getByRole('heading', { name: 'Disputed' })).toBeVisible()
  await page.keyboard.press('Control+z')
  await expect(panel.getByRole('heading', { name: 'Unreviewed' })).toBeVisible()
  await page.keyboard.press('Control+Shift+z')
  await expect(panel.getByRole('heading', { name: 'Disputed' })).toBeVisible()
  expect(await highlightTexts(page, 'fm-disputed')).toEqual(['almost 80%'])

  // note
  await panel.getByRole('textbox', { name: 'New note' }).fill('Rounded up from 79.6%.')
  await panel.getByRole('button', { name: 'Add note' }).click()
  const note = panel.getByText('Rounded up from 79.6%.', { exact: true })
  await expect(note).toBeVisible()
  await page.keyboard.press('Control+z')
  await expect(note).toBeHidden()
  await page.keyboard.press('Control+Shift+z')
  await expect(note).toBeVisible()

  // source
  await panel.getByRole('button', { name: /Add source/ }).click()
  await page.getByRole('textbox', { name: 'Link' }).fill('https://www.belstat.gov.by/en/')
  await page.getByRole('textbox', { name: 'Title' }).fill('Belstat trade tables')
  await page.getByRole('form', { name: 'Add a source' }).getByRole('button', { name: 'Add source' }).click()
  const source = panel.getByRole('button', { name: 'Belstat trade tables', exact: true })
  await expect(source).toBeVisible()
  await page.keyboard.press('Control+z')
  await expect(source).toBeHidden()
  await page.keyboard.press('Control+y')
  await expect(source).toBeVisible()

  // delete, with everything on the claim coming back on undo
  await panel.getByRole('button', { name: 'Delete claim' }).click()
  await expect(items).toHaveCount(0)
  expect(await highlightTexts(page, 'fm-disputed')).toEqual([])
  await page.getByRole('toolbar', { name: 'Review' }).getByRole('button', { name: 'Undo' }).click()
  await expect(items).toHaveCount(1)
  expect(await highlightTexts(page, 'fm-disputed')).toEqual(['almost 80%'])
  await items.first().getByRole('button').click()
  await expect(panel.getByText('Rounded up from 79.6%.', { exact: true })).toBeVisible()
  await expect(source).toBeVisible()
  await page.getByRole('button', { name: 'Redo' }).click()
  await expect(items).toHaveCount(0)

  // Each undo and redo is itself in the audit trail on disk.
  const doc = await readArticleFile(workspaceDir, await openArticleId(page))
  expect(doc.claims).toEqual([])
  expect(doc.log.map((op) => op.type)).toEqual([
    'article.create',
    'claim.create', 'claim.delete', 'claim.create',
    'claim.setVerdict', 'claim.setVerdict', 'claim.setVerdict',
    'claim.addNote', 'claim.deleteNote', 'claim.addNote',
    'claim.addSource', 'claim.deleteSource', 'claim.addSource',
    'claim.delete', 'claim.create', 'claim.delete'
  ])
})
