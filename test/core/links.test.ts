// The one rule for web addresses: sources, an article's own links, the report address and the system browser.
import { describe, expect, it } from 'vitest'
import { contract } from '../../src/core/api'
import { checkReportAddress, checkSourceUrl } from '../../src/core/links'

const REFUSED = [
  ['javascript:alert(document.domain)', /Only web links/],
  ['data:text/html,<b>x</b>', /Only web links/],
  ['file:///etc/passwd', /Only web links/],
  ['https://user:pass@example.org/', /user name or password/],
  ['https://example.org\u0000.evil/', /invisible or control characters/],
  ['https://example.org/\u202egnp.exe', /invisible or control characters/],
  ['https://exa\u200bmple.org/', /invisible or control characters/],
  ['https://example.org:65536/', /is not a web address/],
  ['https://', /is not a web address/]
] as const

describe('a web address', () => {
  it.each(REFUSED)('%j is refused as a source, in words', (url, message) => {
    const check = checkSourceUrl(url)
    expect(check.ok).toBe(false)
    if (!check.ok) expect(check.message).toMatch(message)
  })

  it('is written the way the browser would open it, a scheme added where it was left out', () => {
    expect(checkSourceUrl(' www.belstat.gov.by/en/ ')).toEqual({ ok: true, url: 'https://www.belstat.gov.by/en/' })
    expect(checkSourceUrl('HTTP://Example.ORG/a b')).toEqual({ ok: true, url: 'http://example.org/a%20b' })
  })

  it.each(REFUSED)('%j is refused as the report address too (before, credentials, NUL, U+202E and port 65536 got in)', (url) => {
    expect(checkReportAddress(url).ok).toBe(false)
    const parsed = contract.updateSettings.input.safeParse({ claimReviewBaseUrl: url })
    expect(parsed.success).toBe(false)
  })

  it('the report address may be empty, and must be written out in full', () => {
    expect(checkReportAddress('  ')).toEqual({ ok: true, url: '' })
    expect(checkReportAddress('checks.example.org/reviews')).toEqual({ ok: false, message: 'The report address must start with https:// or http://.' })
    expect(checkReportAddress('https://checks.example.org/reviews')).toEqual({ ok: true, url: 'https://checks.example.org/reviews' })
  })
})
