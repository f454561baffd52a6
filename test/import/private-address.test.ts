import { describe, expect, it } from 'vitest'
import { addressOfHostname, isLocalhostName, isNonPublicAddress } from '../../src/main/import/private-address'

/** The address a host written in a URL stands for, after WHATWG URL parsing, as url.ts sees it. */
const addressIn = (host: string) => addressOfHostname(new URL(`http://${host}/`).hostname)

describe('which addresses are not on the public internet', () => {
  it('counts loopback, private, link-local, unspecified, CGNAT and other special blocks as non-public', () => {
    const nonPublic = [
      '127.0.0.1', '127.255.255.254', '10.0.0.1', '10.255.255.255', '172.16.0.1', '172.31.255.255', '192.168.0.1', '192.168.255.255',
      '169.254.169.254', '169.254.0.1', '0.0.0.0', '0.1.2.3', '100.64.0.1', '100.127.255.255', '192.0.0.8', '192.0.2.1', '198.18.0.1',
      '198.51.100.7', '203.0.113.5', '224.0.0.251', '239.255.255.250', '240.0.0.1', '255.255.255.255',
      '::1', '::', 'fc00::1', 'fd12:3456:789a::1', 'fdff:ffff::1', 'fe80::1', 'febf::1', 'fe80::1%eth0', 'fec0::1', 'ff02::1', '2001:db8::1',
      '100::1', '64:ff9b:1::1'
    ]
    for (const address of nonPublic) expect(isNonPublicAddress(address), address).toBe(true)
  })

  it('counts the IPv6 forms that carry a non-public IPv4 address as non-public', () => {
    const inside = [
      '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:169.254.169.254', '::ffff:a9fe:a9fe', '::ffff:10.0.0.1', '::ffff:0.0.0.0', '::ffff:100.64.0.1',
      '0:0:0:0:0:ffff:c0a8:101', '64:ff9b::a9fe:a9fe', '64:ff9b::127.0.0.1', '2002:7f00:1::1', '2002:c0a8:101::', '::127.0.0.1'
    ]
    for (const address of inside) expect(isNonPublicAddress(address), address).toBe(true)
  })

  it('lets public addresses through, next to the edges of the blocks', () => {
    const publicAddresses = [
      '8.8.8.8', '1.1.1.1', '93.184.216.34', '9.255.255.255', '11.0.0.0', '100.63.255.255', '100.128.0.0', '126.255.255.255', '128.0.0.0',
      '169.253.255.255', '169.255.0.0', '172.15.255.255', '172.32.0.0', '192.167.255.255', '192.169.0.0', '223.255.255.255',
      '2606:4700:4700::1111', '2001:4860:4860::8888', '2a00:1450:4001::200e', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'
    ]
    for (const address of publicAddresses) expect(isNonPublicAddress(address), address).toBe(false)
  })

  it('refuses what is not an IP address at all, rather than guess', () => {
    for (const notAddress of ['', 'localhost', 'example.com', '127.1', '::ffff:999.0.0.1', '[::1]']) expect(isNonPublicAddress(notAddress), notAddress).toBe(true)
  })

  it('reads an IP address in every form URL parsing accepts, and names as names', () => {
    const loopback: [string, string][] = [
      ['127.0.0.1', '127.0.0.1'], ['0x7f.1', '127.0.0.1'], ['0x7f000001', '127.0.0.1'], ['2130706433', '127.0.0.1'], ['0177.0.0.1', '127.0.0.1'],
      ['127.1', '127.0.0.1'], ['127.0.0.1.', '127.0.0.1'], ['0', '0.0.0.0'], ['0251.0376.0251.0376', '169.254.169.254'], ['2852039166', '169.254.169.254'],
      ['[::1]', '::1'], ['[0:0:0:0:0:0:0:1]', '::1'], ['[::]', '::'], ['[::ffff:127.0.0.1]', '::ffff:7f00:1'], ['[FE80::1]', 'fe80::1']
    ]
    for (const [written, address] of loopback) {
      expect(addressIn(written), written).toBe(address)
      expect(isNonPublicAddress(address), written).toBe(true)
    }
    expect(addressIn('8.8.8.8')).toBe('8.8.8.8')
    for (const name of ['example.com', 'localhost', 'news.example.', '127.0.0.1.nip.io']) expect(addressIn(name), name).toBeUndefined()
  })

  it('knows localhost and every name under it, however written', () => {
    for (const name of ['localhost', 'LOCALHOST', 'localhost.', 'app.localhost', 'a.b.localhost.']) expect(isLocalhostName(name), name).toBe(true)
    for (const name of ['localhost.example.com', 'notlocalhost', 'mylocalhost.org', 'example.com']) expect(isLocalhostName(name), name).toBe(false)
  })
})
