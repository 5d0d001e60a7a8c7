import { describe, expect, it } from 'vitest';
import { isPublicAddress, specialPurposeRange } from './address-policy.ts';

/** Addresses and the range that refuses them (undefined: a public address, allowed). */
const TABLE: [string, string | undefined][] = [
  // IPv4 loopback, every way of writing it
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['2130706433', 'loopback'],
  ['0x7f000001', 'loopback'],
  ['0x7f.1', 'loopback'],
  ['0177.0.0.1', 'loopback'],
  ['0177.1', 'loopback'],
  ['127.1', 'loopback'],
  ['127.0.1', 'loopback'],
  // private (RFC 1918)
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['012.0.0.1', 'private'],
  ['167772161', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.0.1', 'private'],
  ['192.168.255.255', 'private'],
  // link-local, cloud metadata included
  ['169.254.169.254', 'linkLocal'],
  ['169.254.0.1', 'linkLocal'],
  ['0xa9fea9fe', 'linkLocal'],
  // shared address space (CGNAT)
  ['100.64.0.1', 'carrierGradeNat'],
  ['100.127.255.255', 'carrierGradeNat'],
  // "this network", broadcast, multicast
  ['0.0.0.0', 'unspecified'],
  ['0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['255.255.255.255', 'broadcast'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  // IANA special-purpose and reserved blocks
  ['192.0.0.8', 'reserved'],
  ['192.0.2.1', 'reserved'],
  ['198.51.100.7', 'reserved'],
  ['203.0.113.9', 'reserved'],
  ['198.18.0.1', 'reserved'],
  ['198.19.255.255', 'reserved'],
  ['192.88.99.1', 'reserved'],
  ['240.0.0.1', 'reserved'],
  ['192.31.196.1', 'as112'],
  ['192.175.48.1', 'as112'],
  ['192.52.193.1', 'amt'],
  // public IPv4, next to the edges of the refused blocks
  ['93.184.216.34', undefined],
  ['8.8.8.8', undefined],
  ['1.1.1.1', undefined],
  ['9.255.255.255', undefined],
  ['11.0.0.0', undefined],
  ['172.15.255.255', undefined],
  ['172.32.0.0', undefined],
  ['192.167.255.255', undefined],
  ['192.169.0.0', undefined],
  ['100.63.255.255', undefined],
  ['100.128.0.0', undefined],
  ['126.255.255.255', undefined],
  ['128.0.0.0', undefined],
  ['169.253.255.255', undefined],
  ['223.255.255.255', undefined],
  // IPv6 special addresses
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['::', 'unspecified'],
  ['fc00::1', 'uniqueLocal'],
  ['fd12:3456:789a::1', 'uniqueLocal'],
  ['fe80::1', 'linkLocal'],
  ['febf::1', 'linkLocal'],
  ['fec0::1', 'deprecatedSiteLocal'],
  ['ff02::1', 'multicast'],
  ['ff05::1:3', 'multicast'],
  ['100::1', 'discard'],
  ['2001:db8::1', 'reserved'],
  ['3fff::1', 'reserved'],
  ['2001::1', 'teredo'],
  ['2001:2::1', 'benchmarking'],
  ['64:ff9b:1::a00:1', 'rfc6052'],
  ['5f00::1', 'segmentRouting'],
  // IPv6 forms that carry a refused IPv4 address
  ['::ffff:127.0.0.1', 'ipv4Mapped:loopback'],
  ['::ffff:7f00:1', 'ipv4Mapped:loopback'],
  ['[::ffff:127.0.0.1]', 'ipv4Mapped:loopback'],
  ['::ffff:169.254.169.254', 'ipv4Mapped:linkLocal'],
  ['::ffff:10.1.2.3', 'ipv4Mapped:private'],
  ['::ffff:0:127.0.0.1', 'rfc6145:loopback'],
  ['64:ff9b::127.0.0.1', 'rfc6052:loopback'],
  ['64:ff9b::192.168.1.1', 'rfc6052:private'],
  ['64:ff9b::a9fe:a9fe', 'rfc6052:linkLocal'],
  ['2002:7f00:1::', '6to4:loopback'],
  ['2002:c0a8:101::1', '6to4:private'],
  ['2002:a9fe:a9fe::', '6to4:linkLocal'],
  // the deprecated IPv4-compatible form, and other space outside global unicast
  ['::127.0.0.1', 'unallocated'],
  ['::7f00:1', 'unallocated'],
  ['::8.8.8.8', 'unallocated'],
  ['100:0:0:1::1', 'unallocated'],
  ['4000::1', 'unallocated'],
  ['e000::1', 'unallocated'],
  // public IPv6, and IPv6 forms of public IPv4 addresses
  ['2606:4700:4700::1111', undefined],
  ['2a00:1450:4001:80b::200e', undefined],
  ['2001:4860:4860::8888', undefined],
  ['::ffff:93.184.216.34', undefined],
  ['::ffff:5db8:d822', undefined],
  ['64:ff9b::93.184.216.34', undefined],
  ['2002:5db8:d822::1', undefined],
  // not IP addresses at all
  ['localhost', 'invalid'],
  ['example.org', 'invalid'],
  ['', 'invalid'],
  ['127.0.0.1.example', 'invalid'],
  ['256.0.0.1', 'invalid'],
  ['fe80::1%eth0', 'invalid'],
  ['::1]@evil.example/[::1', 'invalid'],
  ['1.2.3.4:80', 'invalid'],
];

describe('the address classifier', () => {
  it.each(TABLE)('%s → %s', (address, range) => {
    expect(specialPurposeRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(range === undefined);
  });

  it('refuses every address of the blocks named in the IANA special-purpose registries, at both ends of each', () => {
    const blocks: [string, string][] = [
      ['0.0.0.0', '0.255.255.255'],
      ['10.0.0.0', '10.255.255.255'],
      ['100.64.0.0', '100.127.255.255'],
      ['127.0.0.0', '127.255.255.255'],
      ['169.254.0.0', '169.254.255.255'],
      ['172.16.0.0', '172.31.255.255'],
      ['192.0.0.0', '192.0.0.255'],
      ['192.0.2.0', '192.0.2.255'],
      ['192.88.99.0', '192.88.99.255'],
      ['192.168.0.0', '192.168.255.255'],
      ['198.18.0.0', '198.19.255.255'],
      ['198.51.100.0', '198.51.100.255'],
      ['203.0.113.0', '203.0.113.255'],
      ['224.0.0.0', '239.255.255.255'],
      ['240.0.0.0', '255.255.255.255'],
      ['fc00::', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
      ['fe80::', 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
      ['ff00::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
      ['2001::', '2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff'],
      ['2001:db8::', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'],
    ];
    for (const [first, last] of blocks) {
      expect(isPublicAddress(first), first).toBe(false);
      expect(isPublicAddress(last), last).toBe(false);
    }
  });
});
