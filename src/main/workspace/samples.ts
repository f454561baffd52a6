import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { articleFromText, decodeText } from '../import/text-file'
import type { NewArticle } from './workspace'

const SampleManifest = z.array(
  z.object({ file: z.string(), title: z.string(), site: z.string().optional(), publishedAt: z.string().optional() })
)

/** The sample articles shipped in `data/`, which a new workspace is seeded with. */
export async function loadSamples(dataDir: string): Promise<NewArticle[]> {
  const manifest = SampleManifest.parse(JSON.parse(await readFile(join(dataDir, 'samples.json'), 'utf8')))
  return Promise.all(
    manifest.map(async (sample) => ({
      ...articleFromText(decodeText(await readFile(join(dataDir, sample.file)), sample.file), {
        title: sample.title,
        origin: { kind: 'sample', name: sample.file }
      }),
      site: sample.site,
      publishedAt: sample.publishedAt
    }))
  )
}
