// Every size limit Factmark has, in one place: the schemas, the importers, the UI's counters and the messages
// that name a limit all read them from here.

/** An imported file or web page, in bytes. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
/** An article's text, in UTF-16 code units (a 5 MB paste fits; a 20 MB page of text does not). */
export const MAX_ARTICLE_CHARS = 10_000_000
/** Paragraphs, headings and list items of one article. */
export const MAX_BLOCKS = 100_000
/** Links kept from an imported page. */
export const MAX_LINKS = 100_000

export const MAX_TITLE_CHARS = 500
export const MAX_NOTE_CHARS = 20_000
export const MAX_CONCLUSION_CHARS = 5_000
export const MAX_CLAIMANT_CHARS = 500
export const MAX_TAG_CHARS = 100
export const MAX_TAGS = 50
export const MAX_URL_CHARS = 4_000
export const MAX_SOURCE_TITLE_CHARS = 1_000
export const MAX_PUBLISHER_CHARS = 500
export const MAX_EXCERPT_CHARS = 20_000
export const MAX_REVIEWER_NAME_CHARS = 100
export const MAX_ORGANISATION_CHARS = 200
/** The address of a published report (ClaimReview urls point into it). */
export const MAX_REPORT_URL_CHARS = 2_000
export const MAX_FILE_NAME_CHARS = 500

/** A field shows how much room is left once it holds this share of its limit. */
export const COUNTER_FROM = 0.8
