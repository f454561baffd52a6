// User text as literal Markdown text: escaped so that it reads as the same text and never becomes markup.

import { checkSourceUrl } from '../links'

/** Characters that are markup anywhere in a line (CommonMark backslash-escapes them; GFM adds `|` and `~`). */
const INLINE = /[\\`*_[\]<>|~]|&(?=#?[a-z0-9]+;)/gi
/** What makes markup at the start of a line: headings, quotes, list markers, setext or thematic-break lines. */
const LINE_START = /^(#|>|[-+=]|\d{1,9}(?=[.)]))/

/** User text in the middle of a line. */
export function escapeInline(text: string): string {
  return text.replace(INLINE, (c) => `\\${c}`)
}

/** Escapes what would make markup at the start of a line in already inline-escaped text. */
export function escapeLineStart(escaped: string): string {
  return escaped.replace(LINE_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`))
}

/** One line of user text as literal Markdown text (leading blanks dropped: they could make a code block). */
export function escapeLine(line: string): string {
  return escapeLineStart(escapeInline(line.trimStart()))
}

/** User text on one line: line breaks become spaces. */
export function escapeMarkdown(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim())
}

/** In a heading, a `#` anywhere could close it (`Title #`), so every one is escaped. */
export function escapeHeading(text: string): string {
  return escapeMarkdown(text).replace(/(?<!\\)#/g, '\\#')
}

/**
 * User text that may run over several lines, kept as separate lines with hard breaks (a backslash at the end
 * of a line) and indented by `indent`, so that it stays inside the list item or quote it belongs to.
 */
export function escapeLines(text: string, indent: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((l) => escapeLine(l).trimEnd())
    .filter((l) => l.length > 0)
    .join(`\\\n${indent}`)
}

/**
 * A link's text, already escaped: parentheses too. CommonMark needs only the brackets escaped, but marked (and
 * renderers like it) still reads `!\[x\](javascript:…)` inside a link's text as an image with that source.
 */
export function escapeLinkText(escaped: string): string {
  return escaped.replace(/[()]/g, '\\$&')
}

/** Angle brackets allow any URL characters but < > and line breaks, which URL.href has percent-encoded. */
const destinationOf = (href: string) => `<${href.replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')}>`

/** A link destination for a web link (checked as sources are); undefined for anything else. */
export function linkDestination(url: string): string | undefined {
  const checked = checkSourceUrl(url)
  return checked.ok ? destinationOf(checked.url) : undefined
}

/** A link when the URL is a web link; otherwise the text, with the address shown as plain text. */
export function link(text: string, url: string): string {
  const checked = checkSourceUrl(url)
  if (!checked.ok) return url.trim() ? `${escapeMarkdown(text)} (${escapeMarkdown(url)})` : escapeMarkdown(text)
  return `[${escapeLinkText(escapeMarkdown(text) || escapeMarkdown(checked.url))}](${destinationOf(checked.url)})`
}
