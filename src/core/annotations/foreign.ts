// An annotation made in another tool (or another Factmark), as read from its file: what the importers make of the W3C
// and Hypothesis shapes, before it is placed on an article. Nothing here is trusted: placement (place.ts) checks it.

import type { AnnotationFormat } from './formats'
import type { Stance, Verdict } from '../model'

export interface ForeignQuote {
  exact: string
  prefix: string
  suffix: string
}

/** Offsets into the text the annotation was made on: only a hint for where to look in ours. */
export interface ForeignPosition {
  start: number
  end: number
  /** W3C counts Unicode code points; Hypothesis counts UTF-16 code units of the page's own text. */
  unit: 'code-points' | 'code-units'
}

export interface ForeignNote {
  text: string
  author: string
  /** ISO time; absent when the annotation did not say. */
  at?: string
}

export interface ForeignSource {
  url: string
  title: string
  publisher: string
  excerpt: string
  stance: Stance
  /** YYYY-MM-DD, when the annotation said. */
  accessedAt?: string
}

export interface ForeignAnnotation {
  format: AnnotationFormat
  /** Its own id ('' when it has none: then it cannot be recognised when imported again). */
  id: string
  /** The page or document it names as its target ('' when none). */
  target: string
  author: string
  created?: string
  quote?: ForeignQuote
  position?: ForeignPosition
  notes: ForeignNote[]
  tags: string[]
  verdict?: Verdict
  conclusion?: string
  claimant?: string
  sources: ForeignSource[]
  /** A reply (Hypothesis): the ids of the thread it answers, its root first. */
  replyTo?: string[]
}
