import { z } from 'zod'
import { Article, ArticleLink, Block } from '../../core/model'
import { nextTurn } from '../next-turn'

const SLICE_MS = 8
const Blocks = z.array(Block)
const Links = z.array(ArticleLink)

/**
 * Article.parse for a new article, without holding the event loop: a pasted 5 MB article has ~50,000 blocks, whose
 * checking takes ~50 ms in one go. The article without its blocks and links is parsed whole; the blocks and links
 * are parsed in slices, then put back and the article's own checks (blocks and links inside the text) run.
 */
export async function parseNewArticleInSlices(article: Article): Promise<Article> {
  const { blocks, links, ...rest } = article
  const head = Article.parse({ ...rest, blocks: [] })
  const parsedBlocks = await inSlices(blocks, (part) => Blocks.parse(part))
  const parsedLinks = links ? await inSlices(links, (part) => Links.parse(part)) : undefined
  const text = head.text.length
  await breathe()
  if (!parsedBlocks.every((b) => b.start <= b.end && b.end <= text)) throw new z.ZodError([{ code: 'custom', path: ['blocks'], message: 'a block lies outside the article text', input: blocks }])
  if (parsedLinks && !parsedLinks.every((l) => l.start < l.end && l.end <= text && ('url' in l || l.block < parsedBlocks.length))) {
    throw new z.ZodError([{ code: 'custom', path: ['links'], message: 'a link lies outside the article text', input: links }])
  }
  return { ...head, blocks: parsedBlocks, ...(parsedLinks ? { links: parsedLinks } : {}) }
}

async function inSlices<T>(items: readonly T[], parse: (part: readonly T[]) => T[]): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < items.length; i += 500) {
    out.push(...parse(items.slice(i, i + 500)))
    await breathe()
  }
  return out
}

let deadline = 0
async function breathe(): Promise<void> {
  if (performance.now() < deadline) return
  await nextTurn()
  deadline = performance.now() + SLICE_MS
}
