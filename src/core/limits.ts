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
/** Claims on one article (the benchmarks work with 10,000 on a 1 MB article). */
export const MAX_CLAIMS = 50_000
/** Notes on one claim, and sources on one claim. */
export const MAX_NOTES_PER_CLAIM = 1_000
export const MAX_SOURCES_PER_CLAIM = 500
/** The words kept on either side of a claim's quote (the app keeps 32; a longer one only costs room). */
export const MAX_QUOTE_CONTEXT_CHARS = 1_000

export const MAX_TITLE_CHARS = 500
export const MAX_NOTE_CHARS = 20_000
export const MAX_CONCLUSION_CHARS = 5_000
export const MAX_CLAIMANT_CHARS = 500
export const MAX_TAG_CHARS = 100
export const MAX_TAGS = 50
export const MAX_URL_CHARS = 4_000
/** A CouchDB user name, password or database name as Factmark accepts them. */
export const MAX_COUCH_NAME_CHARS = 240
/** The largest article bundle opened (a whole history of a big article is tens of megabytes). */
export const MAX_BUNDLE_BYTES = 200_000_000
/** The largest annotation file imported (a Hypothesis export of a busy page is a few megabytes). */
export const MAX_ANNOTATION_FILE_BYTES = 50 * 1024 * 1024
/** Annotations taken from one file: a file with more is refused whole, never cut short. */
export const MAX_ANNOTATIONS_PER_IMPORT = 20_000
export const MAX_SOURCE_TITLE_CHARS = 1_000
export const MAX_PUBLISHER_CHARS = 500
export const MAX_EXCERPT_CHARS = 20_000
export const MAX_REVIEWER_NAME_CHARS = 100
export const MAX_ORGANISATION_CHARS = 200
/** The address of a published report (ClaimReview urls point into it). */
export const MAX_REPORT_URL_CHARS = 2_000
export const MAX_FILE_NAME_CHARS = 500

/**
 * A request from the window, counted before its schema is checked: values in all (strings, numbers, array items,
 * object keys) and how deep it nests. A 1 MB article's update is ~100,000 values and 5 deep; a million-item array is
 * refused at once rather than checked item by item.
 */
export const MAX_REQUEST_VALUES = 1_000_000
export const MAX_REQUEST_DEPTH = 32
/** An error message as main answers it, whatever it quotes. */
export const MAX_MESSAGE_CHARS = 500

/** A field shows how much room is left once it holds this share of its limit. */
export const COUNTER_FROM = 0.8
