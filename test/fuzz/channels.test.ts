// Every channel of the contract, thrown generated arguments: wrong types, huge and hostile strings, deep nesting,
// prototype keys, NaN, offsets beyond the text or inside a character, changes aimed at the wrong claim, duplicates and
// replays. After each run: no exception escaped, the answer has the contract's shape, nothing reached Object.prototype,
// the article changed is valid and is what its log folds to; every few hundred runs and at the end, the workspace is
// opened again from its files by a second writer, and every article there is valid and the same.
//
// Seeded: FUZZ_SEED=<n> replays a failure (fast-check prints the seed and the path of the failing run), FUZZ_RUNS=<n>
// runs more. FUZZ_SURVEY=1 counts what breaks instead of stopping at the first failure (to see what an older version
// lets through), and prints it.
import fc from 'fast-check'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createSelectors } from '../../src/core/anchoring/selectors'
import { channels, type Channel, type Handlers } from '../../src/core/api'
import type { Result } from '../../src/core/errors'
import { createHandlers, type Services } from '../../src/main/handlers'
import { openServices } from '../../src/main/services'
import { dataDir, tempDir } from '../helpers/temp-dir'
import { expectContractShape, expectNoPollution, expectValidArticles, expectValidDocument } from './checks'
import { operationFrom, operationRecipe, type Recipe } from './operations'
import { anyValue, orWrong, text, url } from './values'

const SEED = Number(process.env.FUZZ_SEED ?? 20261202)
const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000)
/** Imports run the import worker, each a few milliseconds of parsing at least: fewer of them. */
const IMPORT_RUNS = Math.ceil(RUNS / 4)
const REOPEN_EVERY = 500
const SURVEY = process.env.FUZZ_SURVEY === '1'

/** An article with what claims must not cut: astral characters, flags, a family emoji, combining marks. */
const TRICKY_ARTICLE = [
  'Exports rose 📈 by 80% in 2017, the minister said.',
  'Flags 🇧🇾🇰🇿 and a family 👨‍👩‍👧‍👦 stand beside café and cafe\u0301, and Z\u0335\u0321a\u0337l\u0336g\u0334o.',
  'Trade reached $294.6 million; imports were $42 million.'
].join('\n\n')

interface World {
  dir: string
  handlers: Handlers
  services: Services
  target: string
  /** Arguments that were accepted before, sent again. */
  accepted: unknown[]
}


let closedPort = 0
beforeAll(async () => {
  // A port nothing listens on: URL imports fail at once, and nothing leaves the machine.
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closedPort = (server.address() as { port: number }).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

async function world(name: string): Promise<World> {
  const dir = await tempDir()
  const services = await openServices({
    workspaceDir: dir,
    dataDir,
    openExternal: async () => {},
    // Half the exports are cancelled, half written into the workspace's folder (never outside it).
    chooseSavePath: async (suggested) => (suggested.length % 2 ? null : join(dir, `export-${name}`)),
    printPdf: async () => new Uint8Array([0x25, 0x50, 0x44, 0x46])
  })
  const handlers = createHandlers(services)
  await handlers.updateSettings({ reviewer: 'Ann' })
  const imported = await handlers.importArticle({ kind: 'paste', text: TRICKY_ARTICLE, title: 'Tricky' })
  if (!imported.ok) throw new Error(imported.error.message)
  await markClaims(dir, handlers, imported.value.id)
  // Two more, in the trash, so that restoring and purging have something to work on.
  for (const title of ['Trashed one', 'Trashed two']) {
    const made = await handlers.importArticle({ kind: 'paste', text: `${title}: a short article.`, title })
    if (made.ok) await handlers.deleteArticle({ id: made.value.id })
  }
  return { dir, handlers, services, target: imported.value.id, accepted: [] }
}

/**
 * Claims to aim at, made as the app makes them: on words, numbers and emoji of the article, with notes and sources,
 * one of them with a note by another reviewer (whose note the fuzz may try to take over).
 */
async function markClaims(dir: string, handlers: Handlers, articleId: string): Promise<void> {
  const got = await handlers.getArticle({ id: articleId })
  if (!got.ok) throw new Error(got.error.message)
  const text = got.value.article.text
  const at = '2024-03-31T12:00:00.000Z'
  for (const [i, words] of ['Exports rose 📈', '80%', '🇧🇾🇰🇿', 'cafe\u0301', '$294.6 million'].entries()) {
    const start = text.indexOf(words)
    const claim = {
      id: `claim-fuzz-${i}`,
      ...createSelectors(text, start, start + words.length),
      verdict: i % 2 ? 'verified' : 'unreviewed',
      conclusion: '',
      claimant: '',
      tags: ['trade'],
      notes: [{ id: `note-fuzz-${i}`, text: 'First note.', by: 'x', at }],
      sources: [{ id: `source-fuzz-${i}`, url: 'https://www.belstat.gov.by/en/', title: 'Belstat', publisher: '', excerpt: '', stance: 'supports', accessedAt: '2024-03-31', by: 'x', at }],
      createdBy: 'x',
      createdAt: at,
      updatedAt: at
    }
    const made = await handlers.applyOperation({ articleId, op: { type: 'claim.create', claim } })
    if (!made.ok) throw new Error(made.error.message)
  }
  const bob = await openServices({ workspaceDir: dir, dataDir, openExternal: async () => {}, chooseSavePath: async () => null, printPdf: async () => new Uint8Array(), machine: { host: 'bobs-laptop', user: 'bob' } })
  try {
    const asBob = createHandlers(bob)
    await asBob.updateSettings({ reviewer: 'Bob' })
    const added = await asBob.applyOperation({ articleId, op: { type: 'claim.addNote', claimId: 'claim-fuzz-0', note: { id: 'note-bob', text: 'Bob’s note.', by: 'x', at } } })
    if (!added.ok) throw new Error(added.error.message)
  } finally {
    await bob.close()
  }
}

/** A second writer on the same folder, reading everything from disk: each article valid, and what the first one has. */
async function expectReopens(w: World): Promise<void> {
  const again = await openServices({ workspaceDir: w.dir, dataDir, openExternal: async () => {}, chooseSavePath: async () => null, printPdf: async () => new Uint8Array(), machine: { host: 'fuzz-check', user: 'check' } })
  try {
    const handlers = createHandlers(again)
    expect(again.workspace.problems()).toEqual([])
    const reread = await expectValidArticles(handlers)
    const held = await expectValidArticles(w.handlers)
    const logOf = (docs: typeof held) => Object.fromEntries(docs.map((d) => [d.article.id, d.log.map((op) => op.id).sort()]))
    expect(logOf(reread)).toEqual(logOf(held))
  } finally {
    await again.close()
  }
}

/** An id to name an article by: the target, another article, a trashed one, or one that is not. */
const articleId = fc.oneof(
  { weight: 12, arbitrary: fc.constant('target') },
  { weight: 2, arbitrary: fc.constant('other') },
  { weight: 1, arbitrary: fc.constant('trashed') },
  { weight: 2, arbitrary: fc.constantFrom('nosuchart', '../../etc', '..', '.', '', 'a/b', '__proto__', 'constructor', 'x'.repeat(1_000)) },
  { weight: 1, arbitrary: anyValue }
)

async function idFor(w: World, pick: unknown): Promise<unknown> {
  if (pick === 'target') return w.target
  if (pick === 'other' || pick === 'trashed') {
    const list = pick === 'other' ? await w.handlers.listArticles(undefined) : await w.handlers.listTrash(undefined)
    const ids = list.ok ? list.value.map((a) => a.id).filter((id) => id !== w.target) : []
    return ids[0] ?? 'nosuchart'
  }
  return pick
}

const importUrl = () =>
  fc.constantFrom(
    `http://127.0.0.1:${closedPort}/article`,
    `http://0x7f.1:${closedPort}/`,
    `http://[::1]:${closedPort}/`,
    `http://user:pw@127.0.0.1:${closedPort}/`,
    'javascript:alert(1)',
    'file:///etc/passwd',
    'ftp://127.0.0.1/',
    'data:text/html,<script>alert(1)</script>',
    '',
    ' ',
    'not a url',
    `http://127.0.0.1:${closedPort}/${'a'.repeat(5_000)}`
  )

const base64 = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('base64')),
  fc.constantFrom(
    Buffer.from('<html><body><h1>T</h1><p>Text <script>alert(1)</script><img src=x onerror=alert(1)></p></body></html>').toString('base64'),
    Buffer.from('# Title\n\nA [link](javascript:alert(1)) and <b>markup</b>.').toString('base64'),
    Buffer.from('\ufeffPlain text with a BOM.').toString('base64'),
    Buffer.from('PK\u0003\u0004 not really a docx').toString('base64'),
    '!!!not base64!!!',
    ''
  ),
  text
)

const articleSource = () =>
  fc.oneof(
    fc.record({ kind: fc.constant('paste'), text: orWrong(text), title: fc.option(orWrong(text), { nil: undefined }) }),
    fc.record({ kind: fc.constant('file'), name: orWrong(fc.constantFrom('a.txt', 'a.html', 'a.md', 'a.docx', 'a.pdf', 'a.exe', '', '../../x.txt', `${'n'.repeat(600)}.txt`)), base64: orWrong(base64) }),
    fc.record({ kind: fc.constant('url'), url: orWrong(importUrl()) }),
    anyValue
  )

const choices = fc.record({
  includeUnreviewed: orWrong(fc.boolean()),
  includeNotes: orWrong(fc.boolean()),
  includeHistory: orWrong(fc.boolean()),
  articleMode: orWrong(fc.constantFrom('full', 'claims-only')),
  csvBom: orWrong(fc.boolean())
})

/** Annotation files as base64: JSON of roughly the right shapes, with hostile and wrong values inside. */
const annotationFile = fc
  .oneof(
    fc.record({ rows: fc.array(fc.record({ id: text, uri: orWrong(url), text: orWrong(text), tags: orWrong(fc.array(text, { maxLength: 3 })), target: orWrong(fc.array(fc.record({ source: orWrong(url), selector: fc.array(fc.record({ type: fc.constantFrom('TextQuoteSelector', 'TextPositionSelector', 'RangeSelector'), exact: orWrong(text), start: orWrong(fc.integer()), end: orWrong(fc.integer()) }), { maxLength: 3 }) }), { maxLength: 2 })) }), { maxLength: 4 }) }),
    fc.record({ '@context': fc.constant('http://www.w3.org/ns/anno.jsonld'), type: fc.constantFrom('Annotation', 'AnnotationPage', 'AnnotationCollection', 'Nonsense'), items: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }), body: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }), target: fc.jsonValue({ maxDepth: 3 }) })
  )
  .map((value) => Buffer.from(jsonOf(value)).toString('base64'))

/** JSON of a generated value, the wrong values inside included (a BigInt as its digits; a value too deep as null). */
function jsonOf(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v))
  } catch {
    return 'null'
  }
}

/** A server address nothing answers on, or one Factmark refuses before trying. */
const noServer = fc.constantFrom('http://127.0.0.1:9', 'javascript:alert(1)', 'http://user:pw@127.0.0.1:9', 'file:///etc/passwd', '', 'http://127.0.0.1:9/?q=1')

/** For each channel: what to generate, and how to make the call's argument from it at the time of the call. */
const CALLS: { [C in Channel]: { arbitrary: fc.Arbitrary<unknown>; argument: (w: World, value: never) => Promise<unknown> | unknown; runs?: number } } = {
  getWorkspace: { arbitrary: anyValue, argument: (_w, value) => value },
  listArticles: { arbitrary: anyValue, argument: (_w, value) => value },
  listTrash: { arbitrary: anyValue, argument: (_w, value) => value },
  getArticle: { arbitrary: fc.oneof(fc.record({ id: articleId }), anyValue), argument: async (w, value: { id?: unknown }) => (isRecord(value) && 'id' in value ? { ...value, id: await idFor(w, value.id) } : value) },
  importArticle: { arbitrary: articleSource(), argument: (_w, value) => value, runs: IMPORT_RUNS },
  analyseArticle: {
    arbitrary: fc.oneof(fc.record({ articleId }), anyValue),
    argument: async (w, value: { articleId?: unknown }) => (isRecord(value) && 'articleId' in value ? { ...value, articleId: await idFor(w, value.articleId) } : value),
    runs: IMPORT_RUNS
  },
  updateArticle: {
    arbitrary: fc.oneof(fc.record({ articleId, source: articleSource() }), anyValue),
    argument: async (w, value: { articleId?: unknown }) => (isRecord(value) && 'articleId' in value ? { ...value, articleId: await idFor(w, value.articleId) } : value),
    runs: IMPORT_RUNS
  },
  applyOperation: {
    arbitrary: fc.oneof(
      { weight: 12, arbitrary: fc.record({ kind: fc.constant('change'), articleId, recipe: operationRecipe }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('replay'), n: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw'), value: anyValue }) }
    ),
    argument: async (w, value: { kind: 'change'; articleId: unknown; recipe: Recipe } | { kind: 'replay'; n: number } | { kind: 'raw'; value: unknown }) => {
      if (value.kind === 'raw') return value.value
      if (value.kind === 'replay') return w.accepted.length ? w.accepted[value.n % w.accepted.length] : {}
      const got = await w.handlers.getArticle({ id: w.target })
      if (!got.ok) throw new Error(got.error.message)
      return { articleId: await idFor(w, value.articleId), op: operationFrom(got.value, value.recipe) }
    }
  },
  updateSettings: {
    arbitrary: fc.oneof(
      fc.record({ reviewer: fc.option(orWrong(text), { nil: undefined }), organisation: fc.option(orWrong(text), { nil: undefined }), claimReviewBaseUrl: fc.option(orWrong(url), { nil: undefined }) }),
      anyValue
    ),
    argument: (_w, value) => value
  },
  exportReport: {
    arbitrary: fc.oneof(fc.record({ articleId, format: orWrong(fc.constantFrom('html', 'pdf', 'md', 'csv', 'w3c', 'claimreview')), choices }), anyValue),
    argument: async (w, value: { articleId?: unknown }) => (isRecord(value) && 'articleId' in value ? { ...value, articleId: await idFor(w, value.articleId) } : value)
  },
  openExternal: { arbitrary: fc.oneof(fc.record({ url: orWrong(url) }), anyValue), argument: (_w, value) => value },
  renameArticle: {
    arbitrary: fc.oneof(fc.record({ id: articleId, title: orWrong(text) }), anyValue),
    argument: async (w, value: { id?: unknown }) => (isRecord(value) && 'id' in value ? { ...value, id: await idFor(w, value.id) } : value)
  },
  // The article being fuzzed stays: these are aimed at the others, the trash, and ids that are not.
  deleteArticle: { arbitrary: fc.oneof(fc.record({ id: articleId }), anyValue), argument: async (w, value: { id?: unknown }) => (isRecord(value) && 'id' in value ? { id: await idFor(w, value.id === 'target' ? 'other' : value.id) } : value) },
  restoreArticle: { arbitrary: fc.oneof(fc.record({ id: articleId }), anyValue), argument: async (w, value: { id?: unknown }) => (isRecord(value) && 'id' in value ? { id: await idFor(w, value.id === 'target' ? 'trashed' : value.id) } : value) },
  purgeArticle: { arbitrary: fc.oneof(fc.record({ id: articleId }), anyValue), argument: async (w, value: { id?: unknown }) => (isRecord(value) && 'id' in value ? { id: await idFor(w, value.id === 'target' ? 'trashed' : value.id) } : value) },
  // Servers only on this machine, where nothing listens (port 9), or addresses that are refused: nothing leaves it.
  listShared: { arbitrary: anyValue, argument: (_w, value) => value },
  shareArticle: {
    arbitrary: fc.oneof(fc.record({ articleId, server: orWrong(noServer), user: orWrong(text), password: orWrong(text), members: orWrong(fc.array(text, { maxLength: 3 })) }), anyValue),
    argument: async (w, value: { articleId?: unknown }) => (isRecord(value) && 'articleId' in value ? { ...value, articleId: await idFor(w, value.articleId) } : value),
    runs: 40
  },
  joinShared: { arbitrary: fc.oneof(fc.record({ server: orWrong(noServer), user: orWrong(text), password: orWrong(text), database: orWrong(text) }), anyValue), argument: (_w, value) => value, runs: 40 },
  syncNow: {
    arbitrary: fc.oneof(fc.record({ articleId }), fc.constant({}), anyValue),
    argument: async (w, value: { articleId?: unknown }) => (isRecord(value) && 'articleId' in value ? { ...value, articleId: await idFor(w, value.articleId) } : value)
  },
  importAnnotations: {
    arbitrary: fc.oneof(fc.record({ articleId, name: orWrong(fc.constantFrom('a.json', '', 'x.jsonld')), base64: orWrong(fc.oneof(base64, annotationFile)), anyPage: fc.option(orWrong(fc.boolean()), { nil: undefined }) }), anyValue),
    argument: async (w, value: { articleId?: unknown }) => (isRecord(value) && 'articleId' in value ? { ...value, articleId: await idFor(w, value.articleId) } : value),
    runs: IMPORT_RUNS
  }
}

/** Runs a check; in a survey, a failure is counted under what broke (and its first line) instead of thrown. */
async function surveyed<T>(broken: Map<string, number>, what: string, check: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await check()
  } catch (error) {
    if (!SURVEY) throw error
    const key = `${what}: ${String(error instanceof Error ? error.message : error).split('\n')[0]!.slice(0, 160)}`
    broken.set(key, (broken.get(key) ?? 0) + 1)
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

describe('every channel, fuzzed', () => {
  it('the table covers every channel of the contract', () => {
    expect(Object.keys(CALLS).sort()).toEqual([...channels].sort())
  })

  for (const channel of channels) {
    const { arbitrary, argument, runs = RUNS } = CALLS[channel]
    it(`${channel}: ${runs} generated calls`, async () => {
      const w = await world(channel)
      const outcomes = new Map<string, number>()
      const broken = new Map<string, number>()
      let run = 0
      try {
        await fc.assert(
          fc.asyncProperty(arbitrary, async (value) => {
            const arg = await argument(w, value as never)
            const call = w.handlers[channel] as (arg: unknown) => Promise<Result<unknown>>
            const result = await surveyed(broken, 'threw', () => call(arg))
            const outcome = result === undefined ? 'threw' : result.ok ? 'ok' : result.error.code
            outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
            if (result === undefined) return
            await surveyed(broken, 'answer', () => expectContractShape(channel, result))
            await surveyed(broken, 'prototype', () => expectNoPollution())
            if (result.ok && channel === 'applyOperation') w.accepted.push(arg)
            await surveyed(broken, 'document', async () => {
              const target = await w.handlers.getArticle({ id: w.target })
              expect(target.ok, 'the article being fuzzed no longer opens').toBe(true)
              if (target.ok) expectValidDocument(target.value)
            })
            if (++run % REOPEN_EVERY === 0) await surveyed(broken, 'reopen', () => expectReopens(w))
          }),
          { seed: SEED, numRuns: runs, endOnFailure: true }
        )
        await surveyed(broken, 'reopen', () => expectReopens(w))
      } finally {
        await w.services.close()
      }
      // What the calls came to, for whoever reads the run: how many were taken, and what the rest were refused as.
      console.log(`${channel}: ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`)
      if (SURVEY) console.log(`${channel} broke: ${[...broken].map(([k, v]) => `${v}× ${k}`).join('\n') || 'nothing'}`)
      // Sharing and joining need a server: none answers here (test/sync has one), so every call is refused in words.
      const needsServer = channel === 'shareArticle' || channel === 'joinShared'
      if (needsServer) expect(outcomes.get('ok') ?? 0, 'no call reaches a server').toBe(0)
      if (!needsServer && channel !== 'getWorkspace' && channel !== 'listArticles' && channel !== 'listTrash') expect(outcomes.get('ok') ?? 0, 'some calls should be taken').toBeGreaterThan(0)
    }, 600_000)
  }
})

