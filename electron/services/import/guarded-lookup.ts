import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { promisify } from 'node:util';

/** Resolves a host name to every address it has (`dns.lookup` with `all: true` by default). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

/** Which resolved addresses a connection may go to. */
export type AddressRule = (address: string) => boolean;

/** The system's resolver, as `dns.lookup` answers (hosts file, DNS, mDNS…), every address in its own order. */
export const systemResolver: Resolver = (hostname) => promisify(dnsLookup)(hostname, { all: true, verbatim: true });

/** A host resolved to an address the rule refuses; no connection was made to it. */
export class RefusedAddressError extends Error {
  constructor() {
    super('the host resolves to an address that is refused');
    this.name = 'RefusedAddressError';
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for `net.connect` and `tls.connect` that resolves the host once, refuses it when any
 * of its addresses breaks the rule, and otherwise hands the socket exactly the addresses it checked:
 * nothing resolves the name again between the check and the connection, so a DNS answer that
 * changes in between (DNS rebinding) cannot reach a refused address.
 */
export function guardedLookup(resolve: Resolver, permits: AddressRule) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    resolve(hostname).then(
      (resolved) => {
        const family = options.family === 4 || options.family === 'IPv4' ? 4 : options.family === 6 || options.family === 'IPv6' ? 6 : 0;
        const addresses = resolved.filter((entry) => family === 0 || entry.family === family);
        const [first] = addresses;
        if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        if (!resolved.every((entry) => permits(entry.address))) return callback(new RefusedAddressError(), '');
        if (options.all)
          return callback(
            null,
            addresses.map(({ address, family: addressFamily }) => ({ address, family: addressFamily })),
          );
        callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), ''),
    );
  };
}
