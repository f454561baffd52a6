// Figures as a reviewer reads them: "$294.6 million", "€3,400", "1,100", "79.6%", "5 points", no floating-point noise.

import type { Q } from './types'

const SIGNS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥', INR: 'Rs ' }
const SCALE_NAMES: ReadonlyArray<readonly [number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e7, 'crore'],
  [1e6, 'million'],
  [1e5, 'lakh']
]

/** How a computed figure is shown next to the stated ones: at one scale, with as many decimals as they have. */
export interface Style {
  unit: string | null
  /** 1, 1e6, 1e9 … */
  scale: number
  decimals: number
}

function decimalsAt(q: Q, scale: number): number {
  // Digits written after the point, shifted to the display scale.
  const m = /(\d+)(?:\.(\d+))?/.exec(q.text.replace(/,/g, ''))
  const written = m?.[2]?.length ?? 0
  const shift = Math.round(Math.log10(scale / (q.scale || 1)))
  return Math.max(0, written + shift)
}

/** The style for figures compared with `reference`, given the other quantities involved. */
export function styleFor(reference: Q, involved: readonly Q[]): Style {
  const size = Math.abs(reference.value)
  let scale = reference.scale >= 1e5 ? reference.scale : 1
  if (scale === 1 && size >= 1e6 && reference.kind !== 'percent') scale = size >= 1e9 ? 1e9 : 1e6
  const decimals = Math.min(6, Math.max(0, ...involved.map((q) => decimalsAt(q, scale))))
  return { unit: unitOf(involved), scale, decimals }
}

function unitOf(involved: readonly Q[]): string | null {
  for (const q of involved) if (q.unit && q.unit !== 'people') return q.unit
  return null
}

/** 1234567.891 → "1,234,567.89" with `decimals` at most, trailing zeros dropped. */
export function plain(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals)
  const [whole, fraction] = fixed.split('.')
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const trimmed = fraction ? fraction.replace(/0+$/, '') : ''
  const sign = value < 0 && Number(fixed) !== 0 ? '−' : ''
  return sign + grouped + (trimmed ? '.' + trimmed : '')
}

/** A figure in the style: "$294.6 million", "€3,400", "12.5%", "1,100", "1.5 million tonnes". */
export function figure(value: number, style: Style): string {
  const scaleName = SCALE_NAMES.find(([s]) => s === style.scale)?.[1]
  const number = plain(scaleName ? value / style.scale : value, style.decimals) + (scaleName ? ` ${scaleName}` : '')
  const unit = style.unit
  if (!unit) return number
  if (unit === '%') return number.replace(/ (million|billion|trillion)$/, '') + '%'
  if (unit === 'percentage points' || unit === 'points') return `${number} ${Math.abs(value) === 1 * (scaleName ? style.scale : 1) ? 'point' : 'points'}`
  const sign = SIGNS[unit]
  if (sign) return number.startsWith('−') ? `−${sign}${number.slice(1)}` : `${sign}${number}`
  if (unit === 'times') return `${number} times`
  return /^[A-Z]{3}$/.test(unit) ? `${unit} ${number}` : `${number} ${unit}`
}

/** A quantity as the text gives it, for explanations: its own words ("almost 80%", "$42 million"). */
export function quoted(q: Q): string {
  let text = q.text.replace(/\s+/g, ' ')
  // "exceeded $290 million" reads as "more than $290 million" in an explanation.
  text = text.replace(/^(?:exceeded|exceeds|exceeding|topped|tops|topping|surpassed)\s+/i, 'more than ')
  // A hedge that opened its sentence ("Nearly 300") is quoted in the middle of one.
  if (q.hedge && /^[A-Z][a-z]/.test(text)) text = text[0]!.toLowerCase() + text.slice(1)
  return text
}

/** A percentage with up to one decimal: 79.63 → "79.6%". */
export function percent(value: number, decimals = 1): string {
  return `${plain(value, decimals)}%`
}

export function points(value: number, decimals = 1): string {
  const text = plain(Math.abs(value), decimals)
  return `${text} ${text === '1' ? 'point' : 'points'}`
}

/** "Exports" from "exports": explanations start with a capital. */
export function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text
}

/** "$10 million more", "5 points less": how far the computed figure is from the stated one. */
export function howFar(difference: number, style: Style): string {
  const size = Math.abs(difference)
  // $0.1 billion reads better as $100 million, €0.2 million as €200,000.
  let own = style
  if (style.scale > 1 && size < style.scale) {
    const scale = SCALE_NAMES.find(([s]) => s <= size && s !== 1e7 && s !== 1e5)?.[0] ?? 1
    own = { ...style, scale, decimals: Math.max(0, style.decimals - Math.round(Math.log10(style.scale / scale))) }
  }
  return `${figure(size, own)} ${difference > 0 ? 'more' : 'less'}`
}
