import { createServer } from 'node:http'
import { expect, test } from './support/launch-app'
import { answerReviewerPrompt, articleText, claimList, claimPanel } from './support/review'
import { saveScreenshot } from './support/screenshots'

type Page = import('@playwright/test').Page

/** A W3C page of two annotations on the sample article, as another tool would write it: one quote in the text, one not. */
const w3cFile = JSON.stringify({
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  id: 'https://annotations.example/page/1',
  type: 'AnnotationPage',
  items: [
    {
      id: 'https://annotations.example/anno/1',
      type: 'Annotation',
      motivation: 'commenting',
      creator: { type: 'Person', name: 'Dana Desk' },
      created: '2026-11-20T09:30:00Z',
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: 'Compare with the customs figures: https://customs.example.by/2017/trade', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'tagging', value: 'trade figures' }
      ],
      target: { source: 'urn:example:belta', selector: { type: 'TextQuoteSelector', exact: 'eight joint plants', prefix: 'Kazakhstan is home to ', suffix: ' which assemble' } }
    },
    {
      id: 'https://annotations.example/anno/2',
      type: 'Annotation',
      creator: 'Dana Desk',
      body: { type: 'TextualBody', value: 'This sentence was cut from the story.' },
      target: { source: 'urn:example:belta', selector: { type: 'TextQuoteSelector', exact: 'a sentence the article never had' } }
    }
  ]
})

/** A Hypothesis search response: a highlight with a note, its position counted in another text, and a reply. */
const hypothesisFile = JSON.stringify({
  total: 2,
  rows: [
    {
      id: 'hyp-root-1',
      created: '2026-11-21T14:05:00.000000+00:00',
      updated: '2026-11-21T14:05:00.000000+00:00',
      user: 'acct:reporter_lee@hypothes.is',
      user_info: { display_name: 'Lee Reporter' },
      uri: 'https://www.belta.by/economics/view/belarus-kazakhstan-trade',
      text: 'Source? <img src=x onerror=alert(1)> See [BelStat](https://www.belstat.gov.by/en/) and [this](javascript:alert(1)).',
      tags: ['numbers'],
      target: [
        {
          source: 'https://www.belta.by/economics/view/belarus-kazakhstan-trade',
          selector: [
            { type: 'RangeSelector', startContainer: '/div[2]/article[1]/p[4]', startOffset: 0, endContainer: '/div[2]/article[1]/p[4]', endOffset: 20 },
            { type: 'TextPositionSelector', start: 4321, end: 4335 },
            { type: 'TextQuoteSelector', exact: '$294.6 million', prefix: 'almost 80% to make up ', suffix: '. The' }
          ]
        }
      ],
      document: { title: ['Belarus, Kazakhstan trade'] },
      links: { html: 'https://hypothes.is/a/hyp-root-1' }
    },
    {
      id: 'hyp-reply-1',
      created: '2026-11-21T15:00:00.000000+00:00',
      user: 'acct:editor_kim@hypothes.is',
      user_info: { display_name: 'Kim Editor' },
      uri: 'https://www.belta.by/economics/view/belarus-kazakhstan-trade',
      text: 'BelStat has it for January–June.',
      tags: [],
      references: ['hyp-root-1'],
      target: [{ source: 'https://www.belta.by/economics/view/belarus-kazakhstan-trade' }]
    }
  ]
})

async function importAnnotations(page: Page, name: string, content: string): Promise<void> {
  await page.getByRole('button', { name: 'Import annotations…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import annotations' })
  await dialog.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) })
  await dialog.getByRole('button', { name: 'Import' }).click()
}

test('W3C and Hypothesis files imported through the dialog become claims with their notes, tags and sources', async ({ launchApp }) => {
  const { page } = await launchApp()
  await expect(articleText(page)).toBeVisible()
  const dialog = page.getByRole('dialog', { name: 'Import annotations' })

  // Not an export: a sentence, and nothing changes.
  await importAnnotations(page, 'notes.json', 'this is not JSON')
  await answerReviewerPrompt(page, 'Ana Reviewer')
  await expect(dialog.getByRole('alert')).toContainText('The file is not JSON, so it is not an annotation export.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(claimList(page).getByRole('listitem')).toHaveCount(0)

  await importAnnotations(page, 'annotations.jsonld', w3cFile)
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toContainText('1 placed, 0 moved, 1 not found')
  await page.getByRole('group', { name: 'Show claims by verdict' }).getByRole('button', { name: /^All/ }).click()
  await expect(claimList(page).getByRole('listitem')).toHaveCount(2)
  await expect(articleText(page)).toBeVisible()

  await importAnnotations(page, 'hypothesis.json', hypothesisFile)
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Imported:' }).last()).toContainText('1 placed, 0 moved, 0 not found; 1 reply kept as notes')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(3)

  // The same file again adds nothing.
  await importAnnotations(page, 'hypothesis.json', hypothesisFile)
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Imported:' }).last()).toHaveText(/0 placed, 0 moved, 0 not found; 2 annotations already here\./)
  await expect(claimList(page).getByRole('listitem')).toHaveCount(3)

  // The Hypothesis claim: who annotated it, the note and reply by their authors, the tag, the safe link as a source.
  await claimList(page).getByRole('listitem').filter({ hasText: '$294.6 million' }).click()
  const panel = claimPanel(page)
  await expect(panel.getByTestId('claim-imported')).toContainText('Imported by Ana Reviewer from a Hypothesis annotation by Lee Reporter ·')
  await expect(panel.locator('.note').first()).toContainText('Lee Reporter · imported by Ana Reviewer')
  await expect(panel.locator('.note').first()).toContainText('Source? <img src=x onerror=alert(1)> See [BelStat](https://www.belstat.gov.by/en/)')
  await expect(panel.locator('.note').nth(1)).toContainText('Kim Editor')
  await expect(panel.getByRole('region', { name: /^Sources/ }).getByRole('button', { name: 'BelStat', exact: true })).toHaveCount(1)
  await expect(panel.getByRole('heading', { name: 'Sources 1' })).toBeVisible()
  await expect(panel.locator('a[href^="javascript:"]')).toHaveCount(0)
  await expect(page.locator('img[src="x"]')).toHaveCount(0)
  await saveScreenshot(page, 'annotations-imported')

  // The W3C claim not found in the text is kept, with its quote, under "Needs a look".
  await claimList(page).getByRole('listitem').filter({ hasText: 'a sentence the article never had' }).click()
  await expect(panel).toContainText('Not found')
  await saveScreenshot(page, 'annotations-not-found')

  // A .json file dropped on the open article opens the same dialog with it chosen.
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([content], 'dropped.json', { type: 'application/json' }))
    return transfer
  }, w3cFile)
  await page.dispatchEvent('main', 'drop', { dataTransfer })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('dropped.json')
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Imported:' }).last()).toHaveText(/0 placed, 0 moved, 0 not found; 2 annotations already here\..*0 placed, 0 moved, 0 not found; 2 annotations already here\./s)
  await expect(claimList(page).getByRole('listitem')).toHaveCount(3)
})

test('annotations made on another web page are refused in words, and imported when the reviewer says they are about this article', async ({ launchApp }) => {
  const server = createServer((request, response) => {
    if (request.url === '/story') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      response.end('<html><head><title>Port story</title></head><body><article><h1>Port story</h1><p>The port handled 4.2 million tonnes in 2025, a record.</p><p>Officials expect more next year.</p></article></body></html>')
    } else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  try {
    const { page } = await launchApp()
    await expect(articleText(page)).toBeVisible()
    await page.getByRole('button', { name: 'New article…' }).click()
    const source = page.getByRole('dialog', { name: 'New article' })
    await source.getByText('Web address', { exact: true }).click()
    await source.getByRole('textbox', { name: 'Web address' }).fill(`http://127.0.0.1:${port}/story`)
    await source.getByRole('button', { name: 'Add article' }).click()
    await expect(source).toBeHidden()
    await expect(articleText(page)).toContainText('4.2 million tonnes')

    const elsewhere = JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://annotations.example/anno/port-1',
      type: 'Annotation',
      body: { type: 'TextualBody', value: 'Port authority annual report, table 2.' },
      target: { source: 'https://harbour-news.example/2026/port-record', selector: { type: 'TextQuoteSelector', exact: '4.2 million tonnes', prefix: 'The port handled ', suffix: ' in 2025' } }
    })
    await importAnnotations(page, 'port.jsonld', elsewhere)
    await answerReviewerPrompt(page, 'Ana Reviewer')
    const dialog = page.getByRole('dialog', { name: 'Import annotations' })
    await expect(dialog.getByRole('alert')).toContainText('These annotations were made on https://harbour-news.example/2026/port-record, not on this article')
    await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled()
    await expect(claimList(page).getByRole('listitem')).toHaveCount(0)
    await saveScreenshot(page, 'annotations-another-page')

    await dialog.getByRole('checkbox', { name: 'They are about this article: import them anyway' }).check()
    await dialog.getByRole('button', { name: 'Import' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toContainText('1 placed, 0 moved, 0 not found')
    await expect(claimList(page).getByRole('listitem')).toHaveCount(1)
  } finally {
    server.close()
  }
})
