// What must hold after every fuzzed call, whatever it was sent.
import { expect } from 'vitest'
import { contract, type Channel } from '../../src/core/api'
import type { ErrorCode } from '../../src/core/errors'
import { documentProblem } from '../../src/core/invariants'
import { MAX_MESSAGE_CHARS } from '../../src/core/limits'
import { ArticleDoc } from '../../src/core/model'
import { fold } from '../../src/core/ops'
import type { Handlers } from '../../src/core/api'

const CODES: Record<ErrorCode, true> = {
  'invalid-argument': true,
  'not-found': true,
  empty: true,
  'too-large': true,
  binary: true,
  encoding: true,
  'unsupported-type': true,
  io: true,
  forbidden: true,
  conflict: true,
  'unsafe-url': true,
  'invalid-operation': true,
  internal: true
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort()

/** The answer has the contract's shape: a value its output schema accepts, or an error in words. */
export function expectContractShape(channel: Channel, result: unknown): void {
  const answer = result as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } }
  expect(typeof answer.ok).toBe('boolean')
  if (answer.ok) {
    const parsed = contract[channel].output.safeParse(answer.value)
    expect(parsed.success, `${channel} answered a value outside its contract`).toBe(true)
    return
  }
  expect(Object.hasOwn(CODES, String(answer.error?.code)), `unknown error code ${String(answer.error?.code)}`).toBe(true)
  expect(typeof answer.error?.message).toBe('string')
  const message = answer.error!.message as string
  expect(message.length).toBeGreaterThan(0)
  expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS)
  // Words, not a schema dump or a stack.
  expect(message).not.toMatch(/ZodError|"code":|\bat [\w.]+ \(|Error: /)
}

/** Nothing reached Object.prototype. */
export function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS)
}

/** Every article the workspace holds is valid and is what its own log folds to. */
export async function expectValidArticles(handlers: Handlers): Promise<ArticleDoc[]> {
  const list = await handlers.listArticles(undefined)
  if (!list.ok) throw new Error(list.error.message)
  const docs: ArticleDoc[] = []
  for (const { id } of list.value) {
    const got = await handlers.getArticle({ id })
    if (!got.ok) throw new Error(`article ${id} no longer opens: ${got.error.message}`)
    expectValidDocument(got.value)
    docs.push(got.value)
  }
  return docs
}

export function expectValidDocument(doc: ArticleDoc): void {
  expect(ArticleDoc.safeParse(doc).success).toBe(true)
  expect(documentProblem(doc)).toBeNull()
  expect(fold(doc.log)).toEqual(doc)
}
