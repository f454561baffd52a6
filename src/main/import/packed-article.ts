import { BlockKind, type ArticleLink, type Block } from '../../core/model'
import type { NewArticle } from '../workspace/workspace'
import { nextTurn } from '../next-turn'

/**
 * A NewArticle as the import worker sends it: blocks and links as typed arrays. Structured cloning 100,000 block objects
 * costs the receiving thread over 100 ms; these arrays are transferred, and rebuilding the objects takes a few.
 */
export interface PackedArticle {
  meta: Omit<NewArticle, 'body'>
  text: string
  kinds: Uint8Array
  starts: Uint32Array
  ends: Uint32Array
  /** -1: no number. */
  numbers: Int32Array
  linkStarts: Uint32Array
  linkEnds: Uint32Array
  /** The block an in-page link points at, or -1 for a web link (its address is the next one in `linkUrls`). */
  linkBlocks: Int32Array
  /** The web links' addresses, joined by line feeds (a parsed URL never holds one). */
  linkUrls: string
}

const KINDS = BlockKind.options

export function packArticle(article: NewArticle): { packed: PackedArticle; transfer: ArrayBuffer[] } {
  const { body, ...meta } = article
  const n = body.blocks.length
  const kinds = new Uint8Array(n)
  const starts = new Uint32Array(n)
  const ends = new Uint32Array(n)
  const numbers = new Int32Array(n).fill(-1)
  body.blocks.forEach((block, i) => {
    kinds[i] = KINDS.indexOf(block.kind)
    starts[i] = block.start
    ends[i] = block.end
    if (block.number !== undefined) numbers[i] = block.number
  })
  const links = body.links ?? []
  const linkStarts = new Uint32Array(links.length)
  const linkEnds = new Uint32Array(links.length)
  const linkBlocks = new Int32Array(links.length)
  const urls: string[] = []
  links.forEach((link, i) => {
    linkStarts[i] = link.start
    linkEnds[i] = link.end
    if ('url' in link) {
      linkBlocks[i] = -1
      urls.push(link.url)
    } else linkBlocks[i] = link.block
  })
  const packed = { meta, text: body.text, kinds, starts, ends, numbers, linkStarts, linkEnds, linkBlocks, linkUrls: urls.join('\n') }
  return { packed, transfer: [kinds, starts, ends, numbers, linkStarts, linkEnds, linkBlocks].map((array) => array.buffer as ArrayBuffer) }
}

/**
 * The article again, in slices of a few thousand objects with a turn of the event loop between them: rebuilding
 * 50,000 blocks at once, with the garbage collection it sets off, held the receiving thread for over 50 ms.
 */
export async function unpackArticle(packed: PackedArticle): Promise<NewArticle> {
  const blocks: Block[] = new Array(packed.kinds.length)
  for (let i = 0; i < blocks.length; i++) {
    if (i % SLICE === SLICE - 1) await nextTurn()
    const block: Block = { kind: KINDS[packed.kinds[i]!]!, start: packed.starts[i]!, end: packed.ends[i]! }
    if (packed.numbers[i]! >= 0) block.number = packed.numbers[i]!
    blocks[i] = block
  }
  const urls = packed.linkUrls ? packed.linkUrls.split('\n') : []
  let nextUrl = 0
  const links: ArticleLink[] = new Array(packed.linkStarts.length)
  for (let i = 0; i < links.length; i++) {
    if (i % SLICE === SLICE - 1) await nextTurn()
    const start = packed.linkStarts[i]!
    const end = packed.linkEnds[i]!
    const block = packed.linkBlocks[i]!
    links[i] = block >= 0 ? { start, end, block } : { start, end, url: urls[nextUrl++]! }
  }
  return { ...packed.meta, body: links.length > 0 ? { text: packed.text, blocks, links } : { text: packed.text, blocks } }
}

const SLICE = 4_000
