import type { ArticleLink, Block } from '../../../core/model'
import { unwrap } from './factmark'
import { notices } from '../state/notices.svelte'

/** The article's links that share text with [start, end), in text order. */
export function linksIn(links: readonly ArticleLink[], start: number, end: number): ArticleLink[] {
  return links.filter((link) => link.start < end && link.end > start)
}

/** Where a link goes, in words: its address without the scheme, or "reference 7" for a footnote marker. */
export function linkTarget(link: ArticleLink, blocks: readonly Block[], text: string): string {
  if ('url' in link) return link.url.replace(/^https?:\/\//, '')
  const block = blocks[link.block]
  if (!block) return 'another part of the article'
  if (block.number !== undefined) return `item ${block.number} (${excerpt(text.slice(block.start, block.end))})`
  return excerpt(text.slice(block.start, block.end))
}

function excerpt(text: string, max = 48): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** A web link goes to the system browser, through main's check (never a navigation of the app's window). */
export async function openLink(url: string): Promise<void> {
  try {
    await unwrap(window.factmark.openExternal({ url }))
  } catch (error) {
    notices.error((error as Error).message)
  }
}
