import type { Result } from '../../../core/errors'

/** A failed call to main, carrying the message main wrote for the user. */
export class CallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Which field the refusal is about ('note', 'source.url', …: see core/input-messages), to show it beside that field. */
    readonly field?: string
  ) {
    super(message)
  }
}

/** Unwraps a handler's result, so components can `await` a value and show `error.message` when it fails. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new CallError(result.error.code, result.error.message, result.error.field)
  return result.value
}
