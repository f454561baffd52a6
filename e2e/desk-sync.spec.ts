import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ADMIN, startCouch } from '../test/helpers/couch-server'
import { expect, test, type LaunchedApp } from './support/launch-app'
import { answerReviewerPrompt, articleText, claimList, claimPanel, selectByMouse } from './support/review'
import { saveScreenshot } from './support/screenshots'

test('a desk admin shares an article, a colleague joins it, they disagree, and the editor approves after a warning', async ({ launchApp }) => {
  test.setTimeout(120_000)
  const couch = await startCouch()
  await couch.addUser('sam', 'pw-sam')
  const otherDir = await mkdtemp(join(tmpdir(), 'factmark-e2e-colleague-'))
  const apps: LaunchedApp[] = []
  try {
    // —— A, the desk admin, shares the open article through the Share dialog.
    const appA = await launchApp()
    apps.push(appA)
    const a = appA.page
    await expect(articleText(a)).toBeVisible()
    await expect(a.getByTestId('review-status')).toContainText('In progress')
    await a.getByRole('button', { name: 'Share…' }).click()
    const share = a.getByRole('dialog', { name: 'Share article' })
    await share.getByLabel('Server address').fill(couch.url)
    await share.getByLabel('User name', { exact: true }).fill(ADMIN.user)
    await share.getByLabel('Password', { exact: true }).fill(ADMIN.password)
    await share.getByLabel('Members', { exact: true }).fill('sam, ')
    await expect(share.getByLabel('Password', { exact: true })).toHaveAttribute('type', 'password')
    await expect(share).toContainText('1 member besides you.')
    await saveScreenshot(a, 'desk-share-dialog')
    await share.getByRole('button', { name: 'Share', exact: true }).click()
    await expect(share).toBeHidden({ timeout: 10_000 })
    await expect(a.getByTestId('sync-status')).toContainText('Synced', { timeout: 10_000 })
    const database = (await a.getByTestId('shared-database').textContent())!.trim()
    expect(database).toMatch(/^factmark-/)

    // —— B, a colleague on another workspace, joins it with the database name A's status shows.
    const appB = await launchApp({ workspaceDir: otherDir })
    apps.push(appB)
    const b = appB.page
    await expect(articleText(b)).toBeVisible()
    await b.getByRole('button', { name: 'Join shared…' }).click()
    const join = b.getByRole('dialog', { name: 'Join a shared article' })
    await join.getByLabel('Server address').fill(couch.url)
    await join.getByLabel('User name', { exact: true }).fill('sam')
    // A wrong password: main's sentence in the dialog, which stays open.
    await join.getByLabel('Password', { exact: true }).fill('not-it')
    await join.getByLabel('Database name').fill(database)
    await join.getByRole('button', { name: 'Join', exact: true }).click()
    await expect(join.getByRole('alert')).toBeVisible({ timeout: 10_000 })
    await join.getByLabel('Password', { exact: true }).fill('pw-sam')
    await join.getByRole('button', { name: 'Join', exact: true }).click()
    await expect(join).toBeHidden({ timeout: 10_000 })
    await expect(b.getByTestId('shared-database')).toHaveText(database)
    await expect(b.getByTestId('sync-status')).toContainText(/Synced|Syncing/, { timeout: 10_000 })

    // —— A marks a claim and verifies it; it reaches B live.
    await selectByMouse(a, 3, 'In January-June', '$294.6 million.')
    await a.keyboard.press('m')
    await answerReviewerPrompt(a, 'Ana Editor')
    await a.keyboard.press('1')
    await expect(claimPanel(a).getByRole('heading', { name: 'Verified' })).toBeVisible()
    const claimInB = claimList(b).getByRole('listitem')
    await expect(claimInB).toHaveCount(1, { timeout: 10_000 })
    await expect(claimInB).toContainText('Verified', { timeout: 10_000 })

    // —— B disputes it: both verdicts stand, and the Disagreements filter lists the claim.
    await claimInB.getByRole('button').click()
    await b.keyboard.press('2')
    await answerReviewerPrompt(b, 'Sam Reviewer')
    const disagreement = claimPanel(b).getByRole('status', { name: 'Reviewers disagree' })
    await expect(disagreement).toContainText('Ana Editor: Verified')
    await expect(disagreement).toContainText('Sam Reviewer: Disputed')
    await claimPanel(b).getByLabel('Assigned to').selectOption({ label: 'Ana Editor' })
    await expect(claimInB).toContainText('For Ana Editor')
    const filter = b.getByRole('group', { name: 'Show claims by verdict' }).getByRole('button', { name: /Disagreements/ })
    await filter.click()
    await expect(filter).toHaveAttribute('aria-pressed', 'true')
    await expect(claimInB).toHaveCount(1)
    await expect(claimInB).toContainText('Reviewers disagree')
    await saveScreenshot(b, 'desk-disagreement-filter')
    // The assignee filter narrows the same list.
    await b.getByRole('combobox', { name: 'Assigned to' }).first().selectOption({ label: 'No one (0)' })
    await expect(claimList(b)).toBeHidden()
    await expect(b.getByText('No claim reviewers disagree on assigned to no one.')).toBeVisible()
    await b.getByRole('button', { name: 'Show everyone’s' }).click()
    await expect(claimInB).toHaveCount(1)

    // —— A, the editor, sees the disagreement arrive and approves: the app asks first, saying why.
    await expect(claimList(a).getByRole('listitem')).toContainText('Reviewers disagree', { timeout: 10_000 })
    await a.getByRole('group', { name: 'Review status' }).getByRole('button', { name: 'Approve' }).click()
    const confirm = a.getByRole('dialog', { name: 'Approve with open questions?' })
    await expect(confirm).toContainText('Reviewers disagree on 1 claim.')
    await saveScreenshot(a, 'desk-approve-confirmation')
    await confirm.getByRole('button', { name: 'Approve anyway' }).click()
    await expect(confirm).toBeHidden()
    await expect(a.getByTestId('review-status')).toContainText('Approved by Ana Editor')
    await expect(a.getByRole('group', { name: 'Review status' }).getByRole('button', { name: 'Reopen' })).toBeVisible()
    // …and B sees it too.
    await expect(b.getByTestId('review-status')).toContainText('Approved by Ana Editor', { timeout: 10_000 })

    // —— The agreement view: the pair, its counts and κ in words, and Fleiss' κ overall.
    await a.getByRole('group', { name: 'What the sidebar lists' }).getByRole('button', { name: 'Agreement' }).click()
    const agreement = a.getByTestId('agreement')
    await expect(agreement).toContainText('Fleiss’ κ -1.00')
    await expect(agreement).toContainText('Poor agreement across 2 reviewers')
    await expect(agreement.getByRole('list', { name: 'Agreement of each pair of reviewers' })).toContainText('Ana Editor and Sam Reviewer')
    await expect(agreement).toContainText('Agreed on 0 of 1 claim both judged')
    await saveScreenshot(a, 'desk-agreement')

    // Sync now does one exchange and comes back synced.
    await a.getByRole('button', { name: 'Sync now' }).click()
    await expect(a.getByTestId('sync-status')).toContainText('Synced', { timeout: 10_000 })
  } finally {
    // The apps go before their server does, so that nothing replicates into a closed server.
    for (const app of apps.reverse()) await app.close()
    await couch.close()
    await rm(otherDir, { recursive: true, force: true })
  }
})
