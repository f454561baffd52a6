import { cp, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { runCli } from '../src/cli/run'
import { openWorkspace } from '../src/main/workspace/workspace'
import { expect, test } from './support/launch-app'
import { answerReviewerPrompt, articleText, claimList, claimPanel, openArticleId, selectByMouse } from './support/review'
import { saveScreenshot } from './support/screenshots'

async function cli(args: string[]): Promise<string[]> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} })
  if (code !== 0) throw new Error(err.join('\n'))
  return out
}

test('claims the CLI adds while the app is open appear in it at once, and nothing the app holds is overwritten', async ({ launchApp, workspaceDir }) => {
  const { page } = await launchApp()
  await expect(articleText(page)).toBeVisible()
  const id = await openArticleId(page)

  // A claim made in the app…
  await selectByMouse(page, 3, 'In January-June', '$294.6 million.')
  await page.keyboard.press('m')
  await answerReviewerPrompt(page, 'Ana Reviewer')
  await page.keyboard.press('2')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1)

  // …and two from a script, while the app stays open.
  const [first] = await cli(['claim', 'add', id, '--workspace', workspaceDir, '--quote', 'eight joint plants', '--verdict', 'verified', '--note', 'From the CLI.'])
  await cli(['claim', 'add', id, '--workspace', workspaceDir, '--quote', 'third among the CIS member states'])
  await expect(claimList(page).getByRole('listitem')).toHaveCount(3, { timeout: 3_000 })
  await claimList(page).getByRole('button', { name: /eight joint plants/ }).click()
  await expect(claimPanel(page).getByText('From the CLI.', { exact: true })).toBeVisible()
  expect(first).toMatch(/^[a-z0-9]{10}$/)

  // The app goes on changing things; a restart finds every change from both.
  await page.keyboard.press('3')
  await expect(claimPanel(page).getByRole('heading', { name: 'Needs context' })).toBeVisible()
  const listed = await cli(['claims', id, '--workspace', workspaceDir])
  expect(listed.map((line) => line.split('\t')[1]).sort()).toEqual(['disputed', 'needs-context', 'unreviewed'])
})

test('two reviewers who set different verdicts without seeing each other’s see where they disagree, and one resolves it', async ({ launchApp, workspaceDir }) => {
  const { page } = await launchApp()
  await expect(articleText(page)).toBeVisible()
  const id = await openArticleId(page)
  await selectByMouse(page, 3, 'In January-June', '$294.6 million.')
  await page.keyboard.press('m')
  await answerReviewerPrompt(page, 'Ana Reviewer')
  await expect(claimList(page).getByRole('listitem')).toHaveCount(1)

  // A colleague's copy of the workspace (a synced folder), taken now: they see the claim, unreviewed.
  const colleague = `${workspaceDir}-colleague`
  await cp(workspaceDir, colleague, { recursive: true })
  const theirs = await openWorkspace(colleague, { watch: false, machine: { host: 'sams-laptop', user: 'sam' } })
  await theirs.setMyName('Sam Colleague')
  const claimId = theirs.getArticle(id).claims[0]!.id
  await theirs.applyOperation(id, (doc) => ({ type: 'claim.setVerdict', claimId, verdict: 'disputed', previous: doc.claims[0]!.verdict }))
  await theirs.close()

  // Meanwhile Ana verifies it; then the colleague's log arrives through the sync.
  await page.keyboard.press('1')
  await expect(claimPanel(page).getByRole('heading', { name: 'Verified' })).toBeVisible()
  const logs = join(colleague, 'articles', id, 'log')
  for (const name of await readdir(logs)) await cp(join(logs, name), join(workspaceDir, 'articles', id, 'log', name), { force: false, errorOnExist: false })

  const disagreement = claimPanel(page).getByRole('status', { name: 'Reviewers disagree' })
  await expect(disagreement).toContainText(/Ana Reviewer: Verified · Sam Colleague: Disputed|Sam Colleague: Disputed · Ana Reviewer: Verified/, { timeout: 3_000 })
  await expect(claimList(page).getByRole('listitem')).toContainText('Reviewers disagree')
  await saveScreenshot(page, 'reviewers-disagree')

  // Ana's own verdict changes only hers; resolving settles it for everyone.
  await claimPanel(page).getByRole('button', { name: 'Resolve as Disputed' }).click()
  await expect(disagreement).toBeHidden()
  await expect(claimPanel(page).getByRole('heading', { name: 'Disputed' })).toBeVisible()
  await rm(colleague, { recursive: true, force: true })
})
