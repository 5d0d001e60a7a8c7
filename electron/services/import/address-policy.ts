import { isIPv6 } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which addresses an article may be fetched from. ipaddr.js names the IANA special-purpose ranges
 * (IPv4 and IPv6 registries, multicast included); an address is public when it falls in none of
 * them. IPv6 forms that carry an IPv4 address (mapped, translated, NAT64, 6to4) are judged by the
 * IPv4 address they carry; other IPv6 addresses must also lie in 2000::/3, the only block IANA
 * allocates for global unicast (so the deprecated IPv4-compatible `::a.b.c.d` is refused too).
 */

/** IPv6 ranges whose last 32 bits are an IPv4 address: IPv4-mapped, IPv4-translated and NAT64's well-known prefix. */
const CARRIES_IPV4_AT_END = new Set(['ipv4Mapped', 'rfc6145']);
const NAT64_WELL_KNOWN: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse('64:ff9b::'), 96];
const GLOBAL_UNICAST: [ipaddr.IPv6, number] = [ipaddr.IPv6.parse('2000::'), 3];

function ipv4FromParts(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** The IPv4 address an IPv6 address stands for, when it is one of the forms that embed one. */
function embeddedIpv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4 | undefined {
  const [, p1 = 0, p2 = 0, , , , p6 = 0, p7 = 0] = address.parts;
  if (CARRIES_IPV4_AT_END.has(range) || (range === 'rfc6052' && address.match(NAT64_WELL_KNOWN))) return ipv4FromParts(p6, p7);
  if (range === '6to4') return ipv4FromParts(p1, p2);
  return undefined;
}

/**
 * The address in a form ipaddr.js reads as written. IPv6 goes through the WHATWG URL parser first:
 * ipaddr.js reads `::a.b.c.d` as IPv4-mapped (`::ffff:a.b.c.d`) rather than IPv4-compatible, and
 * accepts zone ids (`fe80::1%eth0`), which no web address may carry.
 */
function canonicalAddress(address: string): string | undefined {
  if (address.includes(':')) {
    if (!isIPv6(address)) return undefined;
    try {
      const { hostname } = new URL(`http://[${address}]/`);
      return hostname.slice(1, -1);
    } catch {
      return undefined;
    }
  }
  return ipaddr.IPv4.isValid(address) ? address : undefined;
}

/**
 * The special-purpose range an IP address belongs to (`loopback`, `private`, `linkLocal`,
 * `uniqueLocal`, …; `ipv4Mapped:loopback` for an IPv6 form of a refused IPv4 address), `invalid`
 * when it is no IP address, or undefined when it is a public unicast address. Accepts every form
 * ipaddr.js parses, the BSD shorthand included (`127.1`, `0x7f.1`, `0177.0.0.1`, `2130706433`).
 */
export function specialPurposeRange(address: string): string | undefined {
  const canonical = canonicalAddress(address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address);
  if (canonical === undefined) return 'invalid';
  const parsed = ipaddr.parse(canonical);
  const range: string = parsed.range();
  if (parsed.kind() === 'ipv4') return range === 'unicast' ? undefined : range;
  const ipv6 = parsed as ipaddr.IPv6;
  const embedded = embeddedIpv4(ipv6, range);
  if (embedded) {
    const inner = specialPurposeRange(embedded.toString());
    return inner === undefined ? undefined : `${range}:${inner}`;
  }
  if (range !== 'unicast') return range;
  return ipv6.match(GLOBAL_UNICAST) ? undefined : 'unallocated';
}

/** Whether an article may be fetched from this address without the private-network allowance. */
export function isPublicAddress(address: string): boolean {
  return specialPurposeRange(address) === undefined;
}
