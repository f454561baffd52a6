import type { ImportJob } from './jobs'

/**
 * A job's long text (pasted text, a file's base64) travels to the worker in pieces: posting a 10-million-character string
 * copies it on the calling thread in one go (tens of milliseconds); a piece of half a million characters costs about one.
 */
export const PIECE_CHARS = 512 * 1024

/** What the calling thread posts first: the job without its long text, and how many pieces of it follow. */
export interface JobHead {
  job: ImportJob
  pieces: number
}

export function splitJob(job: ImportJob): { head: JobHead; pieces: string[] } {
  const long = job.kind === 'text' ? job.text : job.kind === 'file' ? job.base64 : undefined
  if (long === undefined || long.length <= PIECE_CHARS) return { head: { job, pieces: 0 }, pieces: [] }
  const pieces: string[] = []
  for (let at = 0; at < long.length; at += PIECE_CHARS) pieces.push(long.slice(at, at + PIECE_CHARS))
  const light: ImportJob = job.kind === 'text' ? { ...job, text: '' } : { ...(job as Extract<ImportJob, { kind: 'file' }>), base64: '' }
  return { head: { job: light, pieces: pieces.length }, pieces }
}

/** The job again, once all its pieces have arrived. */
export function joinJob(head: JobHead, pieces: string[]): ImportJob {
  if (head.pieces === 0) return head.job
  const long = pieces.join('')
  return head.job.kind === 'text' ? { ...head.job, text: long } : { ...(head.job as Extract<ImportJob, { kind: 'file' }>), base64: long }
}
