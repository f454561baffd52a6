// Turns a contract input that failed its schema into one sentence a reviewer can act on, naming the field as they
// know it ("A note can be at most 20,000 characters; this one has 25,000."), plus a short `field` name so the UI can
// show it beside that field. Schema wording, zod paths and error codes never reach the message.
// The limits quoted are the ones the schema enforced (`maximum` of the issue), which model.ts reads from limits.ts.
import type { z } from 'zod'
import type { Channel } from './api'

/** The fields of the contract's inputs a reviewer fills in, by the names the UI knows them. */
export const INPUT_FIELDS = [
  'note',
  'conclusion',
  'claimant',
  'tag',
  'tags',
  'source.url',
  'source.title',
  'source.publisher',
  'source.excerpt',
  'source.accessedAt',
  'title',
  'reviewer',
  'organisation',
  'claimReviewBaseUrl',
  'url',
  'fileName',
  'text'
] as const
export type InputField = (typeof INPUT_FIELDS)[number]

export interface InputProblem {
  message: string
  /** Absent when the problem is not in a field the reviewer fills in (a malformed request from the UI itself). */
  field?: InputField
}

type Issue = z.core.$ZodIssue

interface FieldWords {
  field: InputField
  /** How a sentence names it, starting lower-case: "a note", "the conclusion". */
  name: string
  /** The schema trims it before checking its length, so the size quoted is the trimmed one. */
  trims?: boolean
  /** For a list: what it holds and whose it is, as in "A claim can have at most 50 tags". */
  list?: { owner: string; items: string }
  /** What to say when the value has the wrong form (a pattern or a check of its own). */
  form?: string
}

const NOTE: FieldWords = { field: 'note', name: 'a note' }
const TITLE: FieldWords = { field: 'title', name: 'the article title', trims: true }
const SOURCE_URL: FieldWords = { field: 'source.url', name: 'the source’s address' }
const SOURCE_TITLE: FieldWords = { field: 'source.title', name: 'the source’s title' }
const SOURCE_PUBLISHER: FieldWords = { field: 'source.publisher', name: 'the source’s publisher' }
const SOURCE_EXCERPT: FieldWords = { field: 'source.excerpt', name: 'the source’s excerpt' }
const SOURCE_ACCESSED: FieldWords = {
  field: 'source.accessedAt',
  name: 'the date the source was read',
  form: 'The date the source was read must be written as YYYY-MM-DD, for example 2024-03-31.'
}

/** Where an article's text comes from (importArticle, and updateArticle's `source`). */
const ARTICLE_SOURCE_FIELDS: Record<string, FieldWords> = {
  name: { field: 'fileName', name: 'the file name' },
  title: TITLE,
  url: { field: 'url', name: 'the web address', trims: true },
  text: { field: 'text', name: 'the pasted text' }
}

/** The fields of an operation (applyOperation's `op`, and a claim it carries whole). */
const OPERATION_FIELDS: Record<string, FieldWords> = {
  title: TITLE,
  'note.text': NOTE,
  text: NOTE, // claim.editNote
  'notes.*.text': NOTE,
  conclusion: { field: 'conclusion', name: 'the conclusion' },
  claimant: { field: 'claimant', name: 'the claimant' },
  tags: { field: 'tags', name: 'the tags', list: { owner: 'a claim', items: 'tags' } },
  'tags.*': { field: 'tag', name: 'a tag' },
  'source.url': SOURCE_URL,
  'sources.*.url': SOURCE_URL,
  'source.title': SOURCE_TITLE,
  'sources.*.title': SOURCE_TITLE,
  'source.publisher': SOURCE_PUBLISHER,
  'sources.*.publisher': SOURCE_PUBLISHER,
  'source.excerpt': SOURCE_EXCERPT,
  'sources.*.excerpt': SOURCE_EXCERPT,
  'source.accessedAt': SOURCE_ACCESSED,
  'sources.*.accessedAt': SOURCE_ACCESSED
}

const SETTINGS_FIELDS: Record<string, FieldWords> = {
  reviewer: { field: 'reviewer', name: 'the reviewer name', trims: true },
  organisation: { field: 'organisation', name: 'the organisation name', trims: true },
  claimReviewBaseUrl: {
    field: 'claimReviewBaseUrl',
    name: 'the report address',
    trims: true,
    form: 'The report address must start with https:// or http://.'
  }
}

/** Each channel's fields, by their path below what the channel's own wrapper adds (`op`, `claim`, `source`). */
function fieldsOf(channel: Channel, path: readonly PropertyKey[]): FieldWords | undefined {
  const keys = path.map((key) => (typeof key === 'number' ? '*' : String(key)))
  const below = (prefix: string) => (keys[0] === prefix ? keys.slice(1) : keys)
  switch (channel) {
    case 'importArticle':
      return ARTICLE_SOURCE_FIELDS[keys.join('.')]
    case 'updateArticle':
      return keys[0] === 'source' ? ARTICLE_SOURCE_FIELDS[below('source').join('.')] : undefined
    case 'applyOperation': {
      if (keys[0] !== 'op') return undefined
      const inOp = below('op')
      return OPERATION_FIELDS[(inOp[0] === 'claim' ? inOp.slice(1) : inOp).join('.')]
    }
    case 'updateSettings':
      return SETTINGS_FIELDS[keys.join('.')]
    case 'renameArticle':
      return keys.join('.') === 'title' ? TITLE : undefined
    default:
      return undefined
  }
}

/**
 * One plain sentence for a contract input that failed its schema. `input` is the argument as it arrived, for the
 * actual size of what was too long. Among several problems, one in a field the reviewer fills in comes first.
 */
export function describeInvalidInput(channel: Channel, error: z.ZodError, input: unknown): InputProblem {
  const issues = error.issues
  for (const issue of issues) {
    const words = fieldsOf(channel, issue.path)
    if (words) return { message: fieldSentence(words, issue, valueAt(input, issue.path)), field: words.field }
  }
  return { message: requestSentence(issues[0], input) }
}

function fieldSentence(words: FieldWords, issue: Issue, value: unknown): string {
  const Name = capitalise(words.name)
  switch (issue.code) {
    case 'too_big': {
      const limit = largestAllowed(issue)
      if (words.list) return `${capitalise(words.list.owner)} can have at most ${count(limit)} ${words.list.items}; this one has ${count(sizeOf(value))}.`
      return tooLongMessage(words.name, limit, sizeOf(value, words.trims))
    }
    case 'too_small':
      return Number(issue.minimum) <= 1 ? `${Name} cannot be empty.` : `${Name} must be at least ${count(Number(issue.minimum))} characters.`
    case 'invalid_type':
      return value === undefined ? `${Name} is missing.` : `${Name} must be ${kindWords(issue.expected)}, not ${kindOf(value)}.`
    case 'custom':
      // A check of the field's own (the link rule) that says what is wrong in its own sentence.
      return (issue.params as { sentence?: string } | undefined)?.sentence ?? words.form ?? `${Name} is not in a form Factmark can use.`
    case 'invalid_format':
      return words.form ?? `${Name} is not in a form Factmark can use.`
    default:
      return `${Name} is not in a form Factmark can use.`
  }
}

/** For what the reviewer does not type: the UI sent a request Factmark cannot use. Still words, never zod's. */
function requestSentence(issue: Issue | undefined, input: unknown): string {
  if (!issue) return 'Factmark could not use that request.'
  const value = valueAt(input, issue.path)
  const subject = subjectOf(issue.path)
  let problem: string
  switch (issue.code) {
    case 'invalid_type':
      problem =
        value === undefined ? `${subject} is missing`
        : value === null && issue.path.length === 0 ? 'it was empty'
        : `${subject} should be ${kindWords(issue.expected)}, not ${kindOf(value)}`
      break
    case 'too_big':
      problem = `${subject} is too long (at most ${count(largestAllowed(issue))}, and it has ${count(sizeOf(value))})`
      break
    case 'too_small':
      problem = Number(issue.minimum) <= 1 ? `${subject} is empty` : `${subject} is too short`
      break
    case 'invalid_value':
    case 'invalid_union':
      problem = `${subject} is not one Factmark knows`
      break
    case 'unrecognized_keys':
      problem = `${subject} has values Factmark does not know`
      break
    default:
      problem = `${subject} is not in a form Factmark can use`
  }
  return `Factmark could not use that request: ${problem}.`
}

/** What the parts of a request are, for the requests a reviewer does not type. */
const SUBJECTS: Record<string, string> = {
  articleId: 'the article’s id',
  claimId: 'the claim’s id',
  noteId: 'the note’s id',
  format: 'the report format',
  choices: 'the report options',
  includeUnreviewed: 'the report options',
  includeNotes: 'the report options',
  includeHistory: 'the report options',
  articleMode: 'the report options',
  csvBom: 'the report options',
  op: 'the change',
  type: 'the kind of change',
  kind: 'the kind of source',
  base64: 'the file’s contents',
  by: 'the change’s author',
  at: 'the change’s time',
  editedAt: 'the time the note was edited',
  verdict: 'the verdict',
  stance: 'the source’s stance',
  previous: 'the value it replaces',
  position: 'the claim’s place in the text',
  quote: 'the claim’s place in the text',
  start: 'the claim’s place in the text',
  end: 'the claim’s place in the text',
  exact: 'the claim’s place in the text',
  prefix: 'the claim’s place in the text',
  suffix: 'the claim’s place in the text',
  anchors: 'the claims’ places in the text',
  blocks: 'the article’s paragraphs',
  links: 'the article’s links',
  claim: 'the claim',
  note: 'the note',
  source: 'the source',
  url: 'the web address'
}
const OWNERS: Record<string, string> = { note: 'the note’s id', notes: 'the note’s id', source: 'the source’s id', sources: 'the source’s id', claim: 'the claim’s id' }

function subjectOf(path: readonly PropertyKey[]): string {
  const keys = path.filter((key): key is string => typeof key === 'string')
  const last = keys.at(-1)
  if (last === undefined) return 'it'
  if (last === 'id') return OWNERS[keys.at(-2) ?? ''] ?? 'the article’s id'
  return SUBJECTS[last] ?? 'one of its values'
}

/** The sentence for the code the handlers answer when something unexpected failed; the raw error goes to the log. */
export function internalFailureMessage(channel: Channel): string {
  return INTERNAL_FAILURES[channel]
}

// Complete on purpose: a new channel does not compile until it has its sentence.
const INTERNAL_FAILURES: Record<Channel, string> = {
  getWorkspace: 'Something went wrong while opening the workspace.',
  listArticles: 'Something went wrong while listing the articles.',
  getArticle: 'Something went wrong while opening the article.',
  importArticle: 'Something went wrong while adding the article; nothing was saved.',
  updateArticle: 'Something went wrong while updating the article’s text; nothing was changed.',
  analyseArticle: 'Something went wrong while looking for claims and checking the numbers; the article is unchanged.',
  applyOperation: 'Something went wrong while saving; nothing was changed.',
  updateSettings: 'Something went wrong while saving the settings; nothing was changed.',
  exportReport: 'Something went wrong while exporting the report; it was not saved.',
  openExternal: 'Something went wrong while opening the link in your browser.',
  renameArticle: 'Something went wrong while renaming the article; nothing was changed.',
  deleteArticle: 'Something went wrong while moving the article to the trash; nothing was changed.',
  listTrash: 'Something went wrong while listing the trash.',
  restoreArticle: 'Something went wrong while restoring the article; it is still in the trash.',
  purgeArticle: 'Something went wrong while deleting the article for good.',
  listShared: 'Something went wrong while listing the shared articles.',
  shareArticle: 'Something went wrong while sharing the article; it is unchanged in this workspace.',
  joinShared: 'Something went wrong while adding the shared article; nothing was saved.',
  syncNow: 'Something went wrong while syncing; nothing saved here was changed.',
  importAnnotations: 'Something went wrong while importing the annotations; nothing was changed.'
}

function largestAllowed(issue: z.core.$ZodIssueTooBig): number {
  const maximum = Number(issue.maximum)
  return issue.inclusive === false ? maximum - 1 : maximum
}

function sizeOf(value: unknown, trims = false): number {
  if (typeof value === 'string') return (trims ? value.trim() : value).length
  return Array.isArray(value) ? value.length : 0
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

const KIND_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a set of values',
  null: 'empty'
}

function kindWords(expected: string): string {
  return KIND_WORDS[expected] ?? 'something else'
}

function kindOf(value: unknown): string {
  if (value === null) return 'empty'
  if (Array.isArray(value)) return 'a list'
  return KIND_WORDS[typeof value] ?? 'something else'
}

/** "A note can be at most 20,000 characters; this one has 25,000." — also what the UI's counters say past a limit. */
export function tooLongMessage(name: string, limit: number, size: number): string {
  return `${capitalise(name)} can be at most ${count(limit)} characters; this one has ${count(size)}.`
}

/** 25000 → "25,000": sizes in messages are read by people. */
export function count(n: number): string {
  return n.toLocaleString('en-US')
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
