/** Error codes the UI and the CLI turn into a clear message. */
export type ErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'encoding'
  | 'unsupported-type'
  | 'io'
  | 'forbidden'
  | 'conflict'
  | 'unsafe-url'
  /** A change whose result would not be a valid document (core/invariants.ts). */
  | 'invalid-operation'
  | 'internal'

export interface FactmarkErrorInfo {
  code: ErrorCode
  message: string
  /** For an invalid argument: the field the message is about ('note', 'source.url'…), so the UI can show it there. */
  field?: string
}

/** An expected failure with a message fit to show a user as it is. */
export class FactmarkError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'FactmarkError'
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: FactmarkErrorInfo }
