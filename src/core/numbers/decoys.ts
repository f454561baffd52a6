// Numbers that are not quantities: dates, clock times, phone numbers, footnote markers, scores, identifiers
// ("COVID-19", "A320", "Flight 370", "No. 12", "Resolution 2334").

import type { Span } from './types'
import { MONTHS } from './lexicon'

/** Each pattern with a cheap test of the paragraph that must pass before the pattern runs over it. */
const BLOCKING_PATTERNS: RegExp[] = [
  // Numeric dates: 2017-08-14, 14.08.2017, 14/08/2017, 8/14/17, 14-08-2017.
  /\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b/g,
  // Clock times, ratios and scores with a colon: 10:30, 2:1, 10:30:15.
  /\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?|\b\d+:\d+\b/gi,
  // "10 am", "5 p.m.", "10.30 pm".
  /\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?(?![a-z])/gi,
  // International and bracketed phone numbers, and digit groups joined by hyphens (222-33-44, 8-800-555-35-35).
  /\+\d[\d\s().-]{6,}\d|\(\d{2,5}\)\s?\d[\d\s.-]{4,}\d|\b\d{1,4}(?:-\d{2,4}){2,}\b|\b\d{3}-\d{4}\b/g,
  // Footnote markers: [7], [7, 8], [12–14].
  /\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]/g,
  // Scores: "won 3-1", "a 2–0 win", "drew 1-1".
  /\b(?:won|lost|drew|beat|defeated|trailed|led|leads)\s+(?:[\p{L}]+\s+){0,3}?\d{1,2}\s*[-–]\s*\d{1,2}\b|\b\d{1,2}\s*[-–]\s*\d{1,2}\s+(?:win|victory|defeat|loss|draw)\b/giu,
  // Day of month next to a month name: "13 August", "August 13", "Aug. 13th".
  new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS})\b\.?|\b(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:%|per|million|billion|thousand))`, 'gi')
]

const HINTS: RegExp[] = [
  /\d[./-]\d/,
  /\d:\d/,
  /\d\s*[ap]\.?m/i,
  /[+(]\d|\d-\d/,
  /\[\s*\d/,
  /\d\s*[-–]\s*\d/,
  new RegExp(String.raw`\b(?:${MONTHS})\b`, 'i')
]

/**
 * Spans of `text[from, to)` that hold no quantity, in text order (they may overlap). Each pattern is one linear pass.
 */
export function blockedSpans(text: string, from: number, to: number): Span[] {
  const region = text.slice(from, to)
  const spans: Span[] = []
  for (const [k, pattern] of BLOCKING_PATTERNS.entries()) {
    if (!HINTS[k]!.test(region)) continue
    pattern.lastIndex = 0
    for (let m = pattern.exec(region); m; m = pattern.exec(region)) {
      if (m[0].length === 0) {
        pattern.lastIndex++
        continue
      }
      // A phone pattern must not swallow numbers written with spaces as thousand separators ("3 400 000").
      if (/^[\d ]+$/.test(m[0]) && /^\d{1,3}(?: \d{3})+$/.test(m[0].trim())) continue
      spans.push({ start: from + m.index, end: from + m.index + m[0].length })
    }
  }
  // Four or more groups of digits separated by single spaces, not all of three digits: "8 800 555 35 35".
  const groups = /\b\d{1,4}(?: \d{2,4}){3,}\b/g
  for (let m = /\d \d\d/.test(region) ? groups.exec(region) : null; m; m = groups.exec(region)) {
    if (!/^\d{1,3}(?: \d{3})+$/.test(m[0])) spans.push({ start: from + m.index, end: from + m.index + m[0].length })
  }
  spans.sort((a, b) => a.start - b.start)
  return spans
}

/** Whether [start, end) meets one of the spans; queries come with non-decreasing `start`, so the scan stays linear. */
export class SpanCursor {
  private index = 0
  private readonly merged: Span[] = []
  constructor(spans: readonly Span[]) {
    for (const span of spans) {
      const last = this.merged[this.merged.length - 1]
      if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
      else this.merged.push({ ...span })
    }
  }
  meets(start: number, end: number): boolean {
    while (this.index < this.merged.length && this.merged[this.index]!.end <= start) this.index++
    const span = this.merged[this.index]
    return span !== undefined && span.start < end
  }
}

/** Words before a number that make it an identifier ("Flight 370", "No. 12", "Article 5", "page 7"). */
const ID_BEFORE =
  /(?:\b(?:No|Nos|no|nos|Art|Article|article|Section|section|Sec|Chapter|chapter|Clause|clause|Paragraph|paragraph|Para|Item|item|Resolution|resolution|Decree|decree|Law|Order|Bill|Act|Case|Flight|flight|Room|room|Route|route|Highway|Platform|Gate|Terminal|Bus|Line|Channel|Unit|Block|Building|Apartment|Apt|Suite|Floor|Page|page|pp?|Vol|vol|Volume|volume|Issue|issue|Version|version|v|Windows|iPhone|Galaxy|Boeing|Airbus|Model|model|Type|type|Series|Class|Grade|Lot|Batch|Ticket|Seat|Row|Box|Station|Track|Zone|Sector|District|Ward|Phase|Stage|Round|Episode|Season|Formula|Apollo|Group|Code|code|Protocol|Directive|Regulation|Standard|ISO|Ticket|Account|account|Reg|Ref|ref)\.?\s*|[#№]\s*)$/

/** A letter, or a letter and a hyphen, glued before the number: "A320", "MH17", "COVID-19", "F-16". */
const GLUED_BEFORE = /\p{L}-?$/u

/** Letters glued after a number that are a suffix the parser reads (%, scale, ordinal, units), not an identifier. */
const ALLOWED_GLUED_AFTER =
  /^(?:%|st\b|nd\b|rd\b|th\b|bn\b|mn\b|mln\b|bln\b|tn\b|trn\b|m\b|k\b|b\b|x\b|pc\b|pp\b|fold\b|km\b|kg\b|kw\b|kwh\b|mw\b|mwh\b|gw\b|gwh\b|twh\b|ha\b|t\b)/i

/**
 * Whether the number at [coreStart, coreEnd) is an identifier by what is glued to it or what names it. `before` and
 * `after` are a few characters of text around it.
 */
export function looksLikeIdentifier(before: string, after: string, currencyBefore: boolean): boolean {
  if (!currencyBefore && GLUED_BEFORE.test(before)) return true
  if (/^[\p{L}]/u.test(after) && !ALLOWED_GLUED_AFTER.test(after)) return true
  if (/^[.,]\d/.test(after)) return true // "1.2.3", "192.168.0.1": a version or an address
  if (/^-[\p{L}]/u.test(after) && !/^-(?:fold|times?|year|month|week|day|hour|minute|strong|odd|plus|member|seat|point|percent|per|km|kilometre|kilometer|mile|metre|meter|tonne|ton|page|storey|story|acre|hectare|room|bed|billion|million|thousand|dollar|euro|pound|ruble|rouble)/i.test(after))
    return true
  const tail = before.slice(-16)
  if (/[\p{L}.#№]\s*$/u.test(tail) && ID_BEFORE.test(tail)) return true
  return false
}
