// Asks the app:// handler the built main registered for each address, as Chromium would, and records the answer.
import { createHash } from 'node:crypto'
import type { Protocol } from 'electron'
import type { ServedResponse } from './result'

type ProtocolHandler = Parameters<Protocol['handle']>[1]

export async function probeProtocol(handler: ProtocolHandler, urls: string[]): Promise<ServedResponse[]> {
  const served: ServedResponse[] = []
  for (const url of urls) served.push(await ask(handler, url))
  return served
}

async function ask(handler: ProtocolHandler, url: string): Promise<ServedResponse> {
  const base = { url, status: 0, csp: null, nosniff: null, type: null, sha256: '', length: 0 }
  let response: Response
  try {
    response = await handler(new Request(url))
  } catch (error) {
    return { ...base, rejected: String(error) }
  }
  const bytes = new Uint8Array(await response.arrayBuffer())
  return {
    url,
    status: response.status,
    csp: response.headers.get('Content-Security-Policy'),
    nosniff: response.headers.get('X-Content-Type-Options'),
    type: response.headers.get('Content-Type'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    length: bytes.length
  }
}
