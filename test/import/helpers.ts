import type { NewArticle } from '../../src/main/workspace/workspace'

/** The article's blocks as [kind, text] pairs, easy to compare. */
export function blocksOf(article: NewArticle): [string, string][] {
  return article.body.blocks.map((block) => [block.kind, article.body.text.slice(block.start, block.end)])
}

/** Checks that blocks tile the text exactly as bodyFromBlocks builds it: in order, separated by a blank line. */
export function blocksAreConsistent(article: NewArticle): boolean {
  const { text, blocks } = article.body
  let at = 0
  for (const [i, block] of blocks.entries()) {
    if (i > 0 && text.slice(at, block.start) !== '\n\n') return false
    if (i === 0 && block.start !== 0) return false
    if (block.end < block.start) return false
    at = block.end
  }
  return at === text.length
}
