import { FactmarkError } from '../../core/errors'
import type { NewArticle } from '../workspace/workspace'
import { blocksFromHtml } from './html'
import { articleFromParts } from './shared'

/** Word's own title styles become headings too (mammoth maps "Heading 1"… by itself). */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"]

/**
 * A .docx file to an article: mammoth turns it into HTML (images left out, no external file read), which is sanitised and walked
 * like any HTML (its links and footnote links kept). Title: the user's, else the first heading, else the file name. A file that is not a readable .docx is refused
 * with 'unsupported-type'.
 */
export async function articleFromDocx(bytes: Uint8Array, meta: { title?: string; origin: NewArticle['origin'] }): Promise<NewArticle> {
  const name = meta.origin.name ?? 'The document'
  const { default: mammoth } = await import('mammoth') // loaded only for Word files: it is slow to load
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' }))
      }
    )
    html = result.value
  } catch {
    throw new FactmarkError('unsupported-type', `${name} is not a Word document Factmark can read (.docx); it may be damaged or in another format.`)
  }
  const parts = blocksFromHtml(html, { links: true })
  const firstHeading = parts.find((part) => part.kind.startsWith('h'))
  return articleFromParts(parts, { title: meta.title, formatTitle: firstHeading?.text, origin: meta.origin })
}
