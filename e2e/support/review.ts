import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'
import { Operation, type ArticleDoc } from '../../src/core/model'
import { fold } from '../../src/core/ops'

export const articleText = (page: Page) => page.getByTestId('article-text')
export const claimPanel = (page: Page) => page.getByTestId('claim-panel')
export const claimList = (page: Page) => page.getByRole('list', { name: 'Claims in article order' })

/** Answers the one-time "Who is reviewing?" dialog if it is showing. */
export async function answerReviewerPrompt(page: Page, name = 'Ana Reviewer', options: { byKeyboard?: boolean } = {}): Promise<void> {
  const field = page.getByRole('textbox', { name: 'Your name' })
  if (options.byKeyboard) {
    await expect(field).toBeFocused()
    await page.keyboard.type(name)
    await page.keyboard.press('Enter')
  } else {
    await field.fill(name)
    await page.getByRole('button', { name: 'Start reviewing' }).click()
  }
  await expect(field).toBeHidden()
}

/** Drags the mouse from the first character of `from` to the last of `to`, inside block `block` of the article. */
export async function selectByMouse(page: Page, block: number, from: string, to: string = from): Promise<string> {
  const points = await page.evaluate(
    ({ block, from, to }) => {
      const element = document.querySelector(`[data-testid="article-text"] [data-block="${block}"]`)!
      const node = element.firstChild as Text
      const start = node.data.indexOf(from)
      const end = node.data.indexOf(to, start) + to.length
      if (start < 0 || end < start + to.length) throw new Error(`"${from}"…"${to}" not in block ${block}`)
      const box = (s: number, e: number) => {
        const range = new Range()
        range.setStart(node, s)
        range.setEnd(node, e)
        return range.getClientRects()[0]!
      }
      element.scrollIntoView({ block: 'center' })
      const first = box(start, start + 1)
      const last = box(end - 1, end)
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2, text: node.data.slice(start, end) }
    },
    { block, from, to }
  )
  await page.mouse.move(points.x1, points.y1)
  await page.mouse.down()
  await page.mouse.move(points.x2, points.y2, { steps: 8 })
  await page.mouse.up()
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(points.text)
  return points.text
}

/** Selects exactly [start, end) of block `block`'s text node, as a user's drag would. */
export async function selectInBlock(page: Page, block: number, start: number, end: number): Promise<string> {
  return page.evaluate(
    ({ block, start, end }) => {
      const node = document.querySelector(`[data-testid="article-text"] [data-block="${block}"]`)!.firstChild as Text
      window.getSelection()!.setBaseAndExtent(node, start, node, end)
      return window.getSelection()!.toString()
    },
    { block, start, end }
  )
}

/** The text under each range of a named CSS highlight, in document order. */
export async function highlightTexts(page: Page, name: string): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name)
    if (!highlight) return []
    return [...(highlight as unknown as Set<Range>)]
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((range) => range.toString())
  }, name)
}

/**
 * The article as a restart will have it: the fold of every operation in its logs on disk (articles/<id>/log/*.jsonl),
 * read directly rather than through the app's memory. A line not yet whole (being written) is left for the next read.
 */
export async function readArticleFile(workspaceDir: string, id: string): Promise<ArticleDoc> {
  const folder = join(workspaceDir, 'articles', id, 'log')
  const ops: Operation[] = []
  for (const name of (await readdir(folder)).filter((n) => n.endsWith('.jsonl'))) {
    const lines = (await readFile(join(folder, name), 'utf8')).split('\n')
    lines.pop() // after the last newline: empty, or a line still being written
    for (const line of lines.slice(1)) ops.push(Operation.parse(JSON.parse(line)))
  }
  return fold(ops)
}

export async function openArticleId(page: Page): Promise<string> {
  const id = await page.getByRole('navigation', { name: 'Articles' }).locator('[aria-current="page"]').getAttribute('data-article-id')
  if (!id) throw new Error('no article is open')
  return id
}
