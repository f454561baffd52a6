/**
 * What went wrong underneath Node's "fetch failed", in a sentence a reviewer can act on. Node reports it as a code on the
 * error's cause (ECONNREFUSED, ENOTFOUND, a certificate code, …), sometimes inside an AggregateError (one per address
 * tried); none of those codes reaches the message.
 */
export function describeNetworkFailure(url: URL, error: unknown): string {
  const code = causeCode(error)
  const host = url.host
  const name = url.hostname
  // the Fetch standard's list of ports never used for the web (SMTP, SSH, …): no request is made
  if (causeMessage(error) === 'bad port') return `Factmark does not fetch pages from port ${url.port} (${host}): it is reserved for other uses than the web.`
  if (code === 'ECONNREFUSED') return `Could not connect to ${host}: nothing is answering at that address (is the server running?).`
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_NODATA') return `No web site is found at ${name}: check the address.`
  if (code === 'EAI_AGAIN' || code === 'EAI_FAIL') return `Could not look up ${name}: check the address and your internet connection.`
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'ECONNABORTED') {
    return `The connection to ${host} was cut off before the page arrived; try again.`
  }
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return `${host} did not answer in time; try again later.`
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENETDOWN' || code === 'EHOSTDOWN') {
    return `Could not reach ${host}: check your internet connection.`
  }
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) {
    return `${host} did not prove it is the site it claims to be (its security certificate is not valid), so Factmark did not import from it.`
  }
  if (code && (/^ERR_SSL|^ERR_TLS/.test(code) || code === 'EPROTO')) return `Could not make a secure connection to ${host}.`
  if (code?.startsWith('HPE_')) return `${host} sent an answer that is not a valid web response.`
  return `Could not get the page from ${host}; check the address and your internet connection.`
}

function causeOf(error: unknown): unknown {
  const cause: unknown = error instanceof Error && error.cause ? error.cause : error
  return cause instanceof AggregateError && cause.errors.length > 0 ? cause.errors[0] : cause
}

function causeCode(error: unknown): string | undefined {
  const code = (causeOf(error) as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

function causeMessage(error: unknown): string | undefined {
  const cause = causeOf(error)
  return cause instanceof Error ? cause.message : undefined
}
