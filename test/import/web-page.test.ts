import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleLink } from '../../src/core/model'
import { importFile } from '../../src/main/import/import-file'
import { importUrl } from '../../src/main/import/url'
import type { NewArticle } from '../../src/main/workspace/workspace'
import { fixturePath } from '../helpers/temp-dir'
import { blocksAreConsistent, blocksOf } from './helpers'

// A saved copy of an encyclopedia page shaped like Wikipedia's "Regression testing" (MediaWiki's Vector skin): what a
// fact-checker needs from it is the article, its links and its numbered references, and nothing of the wiki around it.
const FIXTURE = 'wikipedia-regression-testing.html'

let server: Server
let pageUrl: string
let fromUrl: NewArticle
let fromFile: NewArticle

beforeAll(async () => {
  const html = await readFile(fixturePath(FIXTURE))
  server = createServer((req, res) => {
    if (req.url !== '/wiki/Regression_testing') return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' })
    res.end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wiki/Regression_testing`
  ;[fromUrl, fromFile] = await Promise.all([importUrl(pageUrl), importFile(fixturePath(FIXTURE))])
}, 30_000)

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const linkText = (article: NewArticle, link: ArticleLink) => article.body.text.slice(link.start, link.end)
const blockText = (article: NewArticle, index: number) => {
  const block = article.body.blocks[index]!
  return article.body.text.slice(block.start, block.end)
}
const linksOn = (article: NewArticle, text: string) => (article.body.links ?? []).filter((link) => linkText(article, link) === text)

describe('an encyclopedia page, imported from its address and as a saved file', () => {
  it('is titled by its headline, with the site name and date from its metadata', () => {
    for (const article of [fromUrl, fromFile]) {
      expect(article.title).toBe('Regression testing')
      expect(article.site).toBe('Wikipedia')
      expect(article.publishedAt).toBe('2004-03-17T11:02:45Z')
      expect(blocksOf(article)[0]).toEqual(['h1', 'Regression testing'])
      expect(blocksAreConsistent(article)).toBe(true)
    }
    expect(blocksOf(fromFile)).toEqual(blocksOf(fromUrl))
  })

  it('keeps the article and leaves out the wiki around it', () => {
    const { text } = fromUrl.body
    expect(text).toContain('Regression testing (rarely, non-regression testing[1]) is re-running functional and non-functional tests')
    expect(text).toContain('A regression suite grows as defects are found and fixed.') // a figure's caption is text of the article
    expect(text).toContain('introduce a new fault of their own.[citation needed] For this reason') // and so is a missing source
    for (const furniture of [
      'edit]', 'Jump to', 'Contents', '(Top)', 'Main menu', 'Main page', 'Search Wikipedia', 'Create account', 'View history',
      'From Wikipedia, the free encyclopedia', 'Deutsch', '21 languages', 'Part of a series on', 'Core activities', 'Black-box testing',
      'Testing levels', 'Categories', 'Extreme programming', 'Hidden categories', 'Retrieved from', 'last edited', 'Privacy policy',
      'Type of software testing', 'RLCONF', 'mw-parser-output'
    ]) {
      expect(text, furniture).not.toContain(furniture)
    }
    expect(text).not.toMatch(/\bedit\b/)
  })

  it('keeps headings at their level, h4 included', () => {
    const headings = blocksOf(fromUrl).filter(([kind]) => kind.startsWith('h'))
    expect(headings).toEqual([
      ['h1', 'Regression testing'],
      ['h2', 'Background'],
      ['h2', 'Techniques'],
      ['h3', 'Retest all'],
      ['h3', 'Regression test selection'],
      ['h4', 'Change-based selection'],
      ['h4', 'Coverage-based selection'],
      ['h3', 'Test case prioritization'],
      ['h2', 'Benefits and drawbacks'],
      ['h2', 'Uses'],
      ['h2', 'See also'],
      ['h2', 'References'],
      ['h2', 'External links']
    ])
  })

  it('keeps numbered lists numbered, the references among them, and bullet lists unnumbered', () => {
    const { blocks } = fromUrl.body
    const numbered = blocks.flatMap((block, i) => (block.number === undefined ? [] : [[block.number, blockText(fromUrl, i).slice(0, 20)]]))
    expect(numbered).toEqual([
      [1, 'Order the tests by t'],
      [2, 'Move the tests of th'],
      [3, 'Run the list until t'],
      [1, '^ Marsh, Ada (2015).'],
      [2, '^ "Regression testin'],
      [3, '^ Boyd, Tomas; Ferre'],
      [4, '^ Okafor, Nnamdi (20'],
      [5, '^ "Retest all, or re'],
      [6, '^ Varga, Ilona (2019'],
      [7, '^ a b Lee, Min-jun ('],
      [8, '^ Ndiaye, Awa (2016)'],
      [9, '^ Quality tracking w']
    ])
    const bullet = blocks.findIndex((_, i) => blockText(fromUrl, i).startsWith('It catches faults'))
    expect(blocks[bullet]).toMatchObject({ kind: 'li' })
    expect(blocks[bullet]!.number).toBeUndefined()
  })

  it('links every footnote marker to the reference of the same number', () => {
    for (const article of [fromUrl, fromFile]) {
      const markers = (article.body.links ?? []).filter((link) => /^\[\d+\]$/.test(linkText(article, link)))
      expect(markers.map((link) => linkText(article, link))).toEqual(['[1]', '[2]', '[3]', '[4]', '[5]', '[6]', '[7]', '[7]', '[8]', '[9]'])
      for (const marker of markers) {
        expect('block' in marker).toBe(true)
        const target = article.body.blocks[(marker as { block: number }).block]!
        expect(target.kind).toBe('li')
        expect(`[${target.number}]`).toBe(linkText(article, marker))
      }
      const [seven] = linksOn(article, '[7]')
      expect(blockText(article, (seven as { block: number }).block)).toMatch(/^\^ a b Lee, Min-jun \(2020\)/)
      // and the reference's "a" and "b" point back at the paragraphs citing it
      const back = linksOn(article, 'a').map((link) => blockText(article, (link as { block: number }).block))
      expect(back[0]).toMatch(/^Change-based selection keeps the tests/)
    }
  })

  it('keeps links to other articles, resolved against the page address, and in-page links to their heading', () => {
    expect(linksOn(fromUrl, 'functional')).toEqual([expect.objectContaining({ url: new URL('/wiki/Functional_testing', pageUrl).href })])
    expect(linksOn(fromUrl, 'correctness')).toEqual([expect.objectContaining({ url: new URL('/wiki/Correctness_(computer_science)', pageUrl).href })])
    // the saved file says where it lives (<link rel="canonical">): its relative links resolve there
    expect(linksOn(fromFile, 'functional')).toEqual([expect.objectContaining({ url: 'https://en.wikipedia.org/wiki/Functional_testing' })])
    for (const article of [fromUrl, fromFile]) {
      expect(linksOn(article, 'a 2019 industry survey')).toEqual([expect.objectContaining({ url: 'https://www.example.org/surveys/regression-2019' })])
      const [inPage] = linksOn(article, 'change-based selection')
      expect(article.body.blocks[(inPage as { block: number }).block]).toMatchObject({ kind: 'h4' })
      expect(blockText(article, (inPage as { block: number }).block)).toBe('Change-based selection')
    }
  })

  it('drops links that are not plain web links, keeping their text', () => {
    const { text } = fromUrl.body
    for (const label of ['Quality tracking with regression suites', 'Regression testing FAQ', 'Archive of regression testing papers']) {
      expect(text).toContain(label)
      expect(linksOn(fromUrl, label)).toEqual([]) // javascript:, a user name and password, ftp:
    }
    for (const link of fromUrl.body.links ?? []) {
      if ('url' in link) expect(link.url).toMatch(/^https?:\/\/[^@/]+\//)
    }
  })

  it('stores links as sorted, non-overlapping spans inside single blocks', () => {
    for (const article of [fromUrl, fromFile]) {
      const links = article.body.links ?? []
      expect(links.length).toBeGreaterThan(30)
      let reached = 0
      for (const link of links) {
        expect(link.start).toBeGreaterThanOrEqual(reached)
        expect(link.end).toBeGreaterThan(link.start)
        const block = article.body.blocks.find((b) => b.start <= link.start && link.end <= b.end)
        expect(block, linkText(article, link)).toBeDefined()
        if ('block' in link) expect(link.block).toBeLessThan(article.body.blocks.length)
        reached = link.end
      }
    }
  })

  it('carries nothing active: only text, block kinds and numbers, and checked links', () => {
    const json = JSON.stringify(fromUrl).toLowerCase()
    for (const needle of ['<script', 'rlconf', 'mw.loader', 'javascript:', 'document.cookie', 'user:secret', 'ftp:', 'load.php', 'onclick', '<style']) {
      expect(json, needle).not.toContain(needle)
    }
    for (const block of fromUrl.body.blocks) expect(Object.keys(block).sort()).toEqual(block.number === undefined ? ['end', 'kind', 'start'] : ['end', 'kind', 'number', 'start'])
    for (const link of fromUrl.body.links ?? []) expect(Object.keys(link).sort()).toEqual('url' in link ? ['end', 'start', 'url'] : ['block', 'end', 'start'])
  })
})
