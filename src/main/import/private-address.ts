import { BlockList, isIP } from 'node:net'

/**
 * Which addresses a web page may not send Factmark to: those that are not on the public internet (this computer, the
 * local network, the cloud's metadata service at 169.254.169.254, …). From IANA's special-purpose address registries:
 * every block there that is not globally reachable.
 */
const IPV4_NON_PUBLIC: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 itself reaches this computer
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, with the cloud metadata service
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relays (retired)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4] // reserved, with the broadcast address 255.255.255.255
]

const IPV6_NON_PUBLIC: readonly [string, number][] = [
  ['::', 96], // unspecified (::), loopback (::1) and the retired IPv4-compatible forms
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:2::', 48], // benchmarking
  ['2001:10::', 28], // ORCHID (retired)
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation
  ['5f00::', 16], // segment routing
  ['fc00::', 7], // unique local (the IPv6 private range)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (retired)
  ['ff00::', 8] // multicast
]

/** IPv6 forms that carry an IPv4 address in them, each reaching (or standing for) that IPv4 address: prefix, its length, and where the IPv4 bits sit. */
const IPV4_INSIDE_IPV6: readonly { prefix: (v4: [string, string]) => string; bitsBefore: number }[] = [
  { prefix: ([hi, lo]) => `::ffff:${hi}:${lo}`, bitsBefore: 96 }, // IPv4-mapped, ::ffff:127.0.0.1
  { prefix: ([hi, lo]) => `64:ff9b::${hi}:${lo}`, bitsBefore: 96 }, // NAT64's well-known prefix
  { prefix: ([hi, lo]) => `2002:${hi}:${lo}::`, bitsBefore: 16 } // 6to4
]

const NON_PUBLIC = new BlockList()
for (const [address, prefix] of IPV4_NON_PUBLIC) {
  NON_PUBLIC.addSubnet(address, prefix, 'ipv4')
  for (const { prefix: inside, bitsBefore } of IPV4_INSIDE_IPV6) NON_PUBLIC.addSubnet(inside(hextets(address)), bitsBefore + prefix, 'ipv6')
}
for (const [address, prefix] of IPV6_NON_PUBLIC) NON_PUBLIC.addSubnet(address, prefix, 'ipv6')

/**
 * Whether an IP address (as a URL's host or a DNS answer gives it: "10.0.0.1", "::1", "fe80::1%eth0") is not on the public
 * internet. Anything that is not an IP address counts as non-public, so that a surprise is refused rather than followed.
 */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.replace(/%.*$/, '') // an IPv6 zone ("%eth0") names an interface, not part of the address
  const version = isIP(bare)
  if (version === 0) return true
  return NON_PUBLIC.check(bare, version === 4 ? 'ipv4' : 'ipv6')
}

/**
 * The IP address a URL's `hostname` is written as, or undefined when it is a name. WHATWG URL parsing has already
 * normalised every IPv4 form to dotted decimal ("0x7f.1", "2130706433", "0177.0.0.1" are all "127.0.0.1") and IPv6 to its
 * short form in brackets ("[0:0:0:0:0:0:0:1]" is "[::1]").
 */
export function addressOfHostname(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname
  return isIP(bare) ? bare : undefined
}

/** "localhost" and every name under it (RFC 6761: they always mean this computer, whatever DNS would say), with or without a final dot. */
export function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '')
  return name === 'localhost' || name.endsWith('.localhost')
}

/** An IPv4 address as the two IPv6 groups that carry it: "127.0.0.1" → ["7f00", "1"]. */
function hextets(ipv4: string): [string, string] {
  const [a = 0, b = 0, c = 0, d = 0] = ipv4.split('.').map(Number)
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)]
}
