import { readFile } from 'node:fs/promises'
import { parse } from 'parse5'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from '../../src/main/content-security-policy'

type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] }

function cspMetas(node: Node): string[] {
  const here =
    node.nodeName === 'meta' &&
    node.attrs?.some((a) => a.name === 'http-equiv' && a.value.toLowerCase() === 'content-security-policy')
      ? [node.attrs?.find((a) => a.name === 'content')?.value ?? '']
      : []
  return [...here, ...(node.childNodes ?? []).flatMap(cspMetas)]
}

describe('the Content-Security-Policy in index.html', () => {
  it('is the policy of content-security-policy.ts, stated once', async () => {
    const html = await readFile(new URL('../../src/renderer/index.html', import.meta.url), 'utf8')
    expect(cspMetas(parse(html) as Node)).toEqual([META_CONTENT_SECURITY_POLICY])
  })

  it('is the header policy less only frame-ancestors, which a <meta> cannot carry', () => {
    const header = CONTENT_SECURITY_POLICY.split('; ')
    const meta = META_CONTENT_SECURITY_POLICY.split('; ')
    expect(header.filter((directive) => !meta.includes(directive))).toEqual(["frame-ancestors 'none'"])
    expect(meta.filter((directive) => !header.includes(directive))).toEqual([])
  })
})
