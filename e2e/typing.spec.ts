import { createSelectors } from '../src/core/anchoring/selectors'
import { bodyFromBlocks } from '../src/core/plain-text'
import { openWorkspace } from '../src/main/workspace/workspace'
import { expect, test } from './support/launch-app'
import { claimPanel, readArticleFile } from './support/review'

const ROUNDS = 20
const VERDICT_KEYS = ['1', '2', '3', '4']

/** An article of ROUNDS paragraphs, each already marked as a claim, and a reviewer name, so typing starts at once. */
async function prepare(workspaceDir: string): Promise<string> {
  const paragraphs = Array.from({ length: ROUNDS }, (_, i) => ({ kind: 'p' as const, text: `Claim number ${i + 1}: exports grew by ${10 + i} per cent in the first half of the year.` }))
  const workspace = await openWorkspace(workspaceDir, { watch: false })
  await workspace.setMyName('Tess Typist')
  const { id } = await workspace.createArticle({ title: 'Typing test', body: bodyFromBlocks(paragraphs), origin: { kind: 'paste' } })
  const { text, blocks } = workspace.getArticle(id).article
  for (const [i, block] of blocks.entries()) {
    const at = new Date(Date.UTC(2026, 11, 1, 9, 0, i)).toISOString()
    const { quote, position } = createSelectors(text, block.start, block.end)
    await workspace.applyOperation(id, {
      type: 'claim.create',
      claim: { id: `claim-${String(i).padStart(2, '0')}`, quote, position, verdict: 'unreviewed', conclusion: '', claimant: '', tags: [], notes: [], sources: [], createdBy: 'Tess Typist', createdAt: at, updatedAt: at }
    })
  }
  await workspace.close()
  return id
}

const typed = (round: number) => ({
  conclusion: `Round ${round}: from “Belstat” — ümlaut.`,
  claimant: `Andrei Kobyakov ${round}`,
  tags: ['ranking', `trade-${round}`],
  note: `Note ${round}: see table 3.`
})

for (const delay of [0, 20]) {
  test(`fields typed in one go with ${delay} ms between keys, ${ROUNDS} claims, while verdicts are saving: every character is on disk`, async ({ launchApp, workspaceDir }) => {
    test.setTimeout(120_000)
    const id = await prepare(workspaceDir)
    const { page } = await launchApp()
    const panel = claimPanel(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Typing test' })).toBeVisible()

    for (let round = 0; round < ROUNDS; round++) {
      const words = typed(round)
      await page.keyboard.press('j') // the next claim, in article order
      await expect(panel.locator('blockquote').first()).toHaveText(new RegExp(`^Claim number ${round + 1}:`))
      // A verdict goes to be saved, and typing starts before it is back.
      await page.keyboard.press(VERDICT_KEYS[round % VERDICT_KEYS.length]!)
      await panel.getByRole('textbox', { name: 'Conclusion' }).focus()
      await page.keyboard.type(words.conclusion, { delay })
      await page.keyboard.press('Tab')
      await page.keyboard.type(words.claimant, { delay })
      await page.keyboard.press('Tab')
      await page.keyboard.type(words.tags.join(', '), { delay })
      await page.keyboard.press('Tab')
      await expect(panel.getByRole('textbox', { name: 'New note' })).toBeFocused()
      await page.keyboard.type(words.note, { delay })
      await page.keyboard.press('Control+Enter')
      await page.keyboard.press('Escape') // out of the note field, so j moves on
    }

    // Everything reaches the file; the last note is the last change asked for.
    await expect.poll(async () => (await readArticleFile(workspaceDir, id)).claims.at(-1)?.notes.length, { timeout: 10_000 }).toBe(1)
    const doc = await readArticleFile(workspaceDir, id)
    const stored = doc.claims.map((c) => ({ conclusion: c.conclusion, claimant: c.claimant, tags: c.tags, note: c.notes.map((n) => n.text).join(' | ') }))
    expect(stored).toEqual(Array.from({ length: ROUNDS }, (_, round) => typed(round)))
    expect(doc.claims.map((c) => c.verdict)).toEqual(Array.from({ length: ROUNDS }, (_, i) => ['verified', 'disputed', 'needs-context', 'unverifiable'][i % 4]))
  })
}

