// Child of share-texts.test.ts (run with --expose-gc): an article renamed after its creation (so its article object is
// not the creation's), carried through a structured clone as to the window, then shareTexts. Prints the bytes freed.
import { deserialize, serialize } from 'node:v8'
import { bodyFromPlainText } from '../../src/core/plain-text'
import { shareTexts } from '../../src/core/share-unchanged'
import { act, created, writer } from './stamping'

const gc = (globalThis as { gc?: () => void }).gc!
const ana = writer('desk-ana', 'r-ana', 'Ana')
const body = bodyFromPlainText(Array.from({ length: 5000 }, (_, i) => `Paragraph ${i}: the “ministry” said exports rose by ${i} per cent in the first half of the year, well ahead of forecasts.`).join('\n\n'))
const doc = act(ana, created(ana, { id: 'article01', title: 'T', text: body.text, blocks: body.blocks, origin: { kind: 'paste' } }), { type: 'article.rename', title: 'U', previous: 'T' })
let received = deserialize(serialize(doc))
gc()
gc()
const before = process.memoryUsage().heapUsed
received = shareTexts(received)
gc()
gc()
const after = process.memoryUsage().heapUsed
process.stdout.write(JSON.stringify({ freed: before - after, textBytes: body.text.length * 2, sameArticleText: received.article.text === received.log[0].article.text }))
