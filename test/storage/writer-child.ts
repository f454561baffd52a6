// A second process writing to a workspace, for the crash, two-writer and live tests: opens the workspace (as a CLI
// run would), adds notes to one claim, and prints each operation's id once it is confirmed (saved), one per line:
//   ready <replica>          opened
//   op <id> <epoch ms>       confirmed
//   saw <n>                  (with --until N) it sees N notes on the claim, its own and others'
//   done
// Usage: writer-child <workspace> <article> <claim> <count> [--until N] [--pause MS]
//        writer-child --stdin    (loads, then waits for "<workspace> <article> <claim> <count>" on its input, so a
//                                 test can start it while it still checks the previous round)
import { createInterface } from 'node:readline'
import { openWorkspace } from '../../src/main/workspace/workspace'
import { noteOn } from '../helpers/store-bodies'

const args = process.argv.includes('--stdin')
  ? (await createInterface({ input: process.stdin })[Symbol.asyncIterator]().next()).value!.split(' ')
  : process.argv.slice(2)
const [dir, articleId, claimId, countText, ...rest] = args
const flag = (name: string) => {
  const i = rest.indexOf(name)
  return i >= 0 ? Number(rest[i + 1]) : undefined
}
const until = flag('--until')
const pause = flag('--pause') ?? 0
const say = (line: string) => process.stdout.write(`${line}\n`)

const ws = await openWorkspace(dir!, { watch: until !== undefined, fallbackReviewer: 'Child writer' })
say(`ready ${ws.replica}`)
for (let i = 0; i < Number(countText); i++) {
  const { op } = await ws.applyOperation(articleId!, noteOn(claimId!, `note ${i} from ${ws.replica}`))
  say(`op ${op.id} ${Date.now()}`)
  if (pause) await new Promise((resolve) => setTimeout(resolve, pause))
}
if (until !== undefined) {
  const notes = () => ws.getArticle(articleId!).claims.find((c) => c.id === claimId)?.notes.length ?? 0
  const deadline = Date.now() + 10_000
  while (notes() < until && Date.now() < deadline) {
    await ws.refresh()
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  say(`saw ${notes()}`)
}
await ws.close()
say('done')
