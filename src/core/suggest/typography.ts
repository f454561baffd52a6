// Typographic quotes, dashes and spaces folded to plain ones, code unit for code unit (offsets stay put),
// so rules and features need to know only ' " - and the space.

const FOLDS = /[\u2018\u2019\u201a\u201b\u2032`\u00b4\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2010-\u2015\u2212\u00a0\u2000-\u200a\u202f\u205f\u3000]/g
const SINGLE = /[\u2018\u2019\u201a\u201b\u2032`\u00b4]/
const DOUBLE = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/
const DASH = /[\u2010-\u2015\u2212]/

function fold(c: string): string {
  if (SINGLE.test(c)) return "'"
  if (DOUBLE.test(c)) return '"'
  if (DASH.test(c)) return '-'
  return ' '
}

export function foldTypography(text: string): string {
  return text.replace(FOLDS, fold)
}
