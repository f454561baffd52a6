// Acceptance: 50 rounds of SIGKILL at a random moment during a burst of 1,000 operations from another process.
// After each, the workspace reopens with every operation the child saw confirmed, at most the one in flight missing,
// no unreadable file, and no temporary file left over.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { filesUnder, article, claimOn, open } from '../helpers/store'
import { confirmedIds, nodeArgsFor, startChild } from '../helpers/child'
import { tempDir } from '../helpers/temp-dir'
import { STORE_MESSAGES } from '../../src/main/io-messages'

const CHILD = join(import.meta.dirname, 'writer-child.ts')
const ROUNDS = 50

describe('crash safety', () => {
  it(`keeps every confirmed operation through ${ROUNDS} kills mid-burst`, async () => {
    await nodeArgsFor(CHILD)
    const dir = await tempDir()
    let totalConfirmed = 0
    let inFlightKept = 0
    let torn = 0

    // Each round writes to a fresh article; the checked one goes to the trash, so opening stays as quick as the first.
    const next = async () => {
      const ws = await open(dir)
      const { id } = await ws.createArticle(article(`Round article`))
      const { doc } = await ws.applyOperation(id, claimOn(ws.getArticle(id), 'soared almost 80%'))
      await ws.close()
      return { id, claimId: doc.claims[0]!.id }
    }
    let target = await next()

    // The next child starts (loads its code) while this round is checked, then is told what to write.
    let spare = startChild(CHILD, ['--stdin'], { stdin: true })
    for (let round = 0; round < ROUNDS; round++) {
      const child = await spare
      spare = startChild(CHILD, ['--stdin'], { stdin: true })
      child.send(`${dir} ${target.id} ${target.claimId} 1000`)
      // The kill comes at a random moment once the burst is under way (its first change confirmed): on a loaded
      // machine the first change can take longer than the shortest wait.
      await child.line('op ', 15_000)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 280))
      child.process.kill('SIGKILL')
      await child.exited
      const confirmed = confirmedIds(child)
      expect(confirmed.length, `round ${round}: killed before the burst ended`).toBeLessThan(1000)

      const ws = await open(dir)
      const doc = ws.getArticle(target.id)
      const ids = new Set(doc.log.map((op) => op.id))
      const missing = confirmed.filter((id) => !ids.has(id))
      expect(missing, `round ${round}: confirmed operations lost`).toEqual([])
      // The child's session is the prefix of its ids: anything of it beyond what was confirmed is the one in flight.
      const session = confirmed[0]!.split('.').slice(0, 2).join('.')
      const unconfirmed = doc.log.filter((op) => op.id.startsWith(`${session}.`) && !confirmed.includes(op.id))
      expect(unconfirmed.length, `round ${round}: more than the one operation in flight`).toBeLessThanOrEqual(1)
      inFlightKept += unconfirmed.length
      // No unreadable file: the only thing ever said is that a last line was torn (and it was ignored).
      for (const problem of ws.problems()) expect(problem.reason).toBe(STORE_MESSAGES.tornLine)
      torn += ws.problems().length
      totalConfirmed += confirmed.length
      await ws.trashArticle(target.id)
      await ws.close()
      // The killed child's temporary files were removed when the workspace opened (and ours are finished by now).
      const files = await filesUnder(dir)
      expect(files.filter((f) => /\.tmp$/.test(f) || f.includes('.corrupt-'))).toEqual([])
      target = await next()
    }
    ;(await spare).process.kill('SIGKILL')
    console.log(`crash safety: ${ROUNDS} rounds, ${totalConfirmed} confirmed operations kept, ${inFlightKept} in-flight ones also saved, ${torn} torn last lines ignored`)
  }, 120_000)
})
