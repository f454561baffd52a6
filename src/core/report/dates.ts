// Dates in reports are written the same way wherever the report is made (no locale, no local time zone), so
// that two exports of one document are identical.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The calendar day of an ISO time as written (its own offset), "YYYY-MM-DD"; anything else as it is. */
export function isoDay(value: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? value
}

/** "2017-08-14" or an ISO time → "14 August 2017"; anything that is not such a date is returned as it is. */
export function longDay(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : value
}

/** An ISO time → "2026-11-28 09:04 UTC"; anything unparseable as it is. */
export function utcMinute(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** An ISO time normalised to UTC ("…Z"), as xsd:dateTime wants it with a time zone; unparseable: as it is. */
export function utcIso(iso: string): string {
  if (CANONICAL_ISO.test(iso)) return iso // what the app stores: already the form asked for
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toISOString()
}
