// The annotation formats Factmark reads, and what it says of them.
import { ANNOTATION_FORMATS } from '../model'

export type AnnotationFormat = (typeof ANNOTATION_FORMATS)[number]

/** Where an imported claim came from, in a sentence: "imported from a Hypothesis annotation by …". */
export const ANNOTATION_SOURCES: Record<AnnotationFormat, string> = {
  w3c: 'a W3C Web Annotation',
  hypothesis: 'a Hypothesis annotation'
}
