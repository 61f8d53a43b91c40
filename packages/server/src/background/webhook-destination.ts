import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/*
 * Where a webhook may be sent (server-side request forgery guard). Without the installation's
 * permission (WIJKREGIE_WEBHOOK_ALLOW_PRIVATE=1) a webhook goes only to https addresses on the internet:
 * never to the server itself, the private networks around it or the cloud's metadata service. The rules
 * are applied when an endpoint is registered and again at every delivery, on the addresses the
 * connection actually uses (the DNS answer may have changed since).
 */

/** Whether the installation lets webhooks reach internal addresses (the municipality's own systems). */
export interface WebhookDestinationPolicy {
  allowPrivate: boolean;
}

/**
 * Ranges that are not "somewhere on the internet": loopback, private, link-local, reserved, … Two lists:
 * node's BlockList matches an IPv4 address against IPv6 rules through its mapped form, so one list with
 * `::ffff:0:0/96` would refuse every IPv4 address.
 */
const INTERNAL_V4 = new BlockList();
const INTERNAL_V6 = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, incl. cloud metadata (169.254.169.254)
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const) {
  INTERNAL_V4.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated)
  ['::ffff:0:0', 96], // IPv4-mapped: could hide any IPv4 address (no name needs one)
  ['64:ff9b::', 96], // NAT64: idem
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: carries an IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  INTERNAL_V6.addSubnet(net, bits, 'ipv6');
}

/** Whether an IP address lies in a range a webhook may reach only when private destinations are allowed. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return INTERNAL_V4.check(address, 'ipv4');
  if (family === 6) return INTERNAL_V6.check(address, 'ipv6');
  return true; // not an address at all: refuse rather than guess
}

const ALLOW_HINT =
  'De beheerder van de installatie kan interne adressen toestaan (WIJKREGIE_WEBHOOK_ALLOW_PRIVATE=1).';

export const internalRefusal = (address: string): string =>
  `Dit adres wijst naar een intern netwerk (${address}); webhooks gaan alleen naar adressen op internet. ${ALLOW_HINT}`;

/**
 * The rules that need no DNS: http(s), no user name or password in the address, https unless private
 * destinations are allowed, a literal IP address outside the internal ranges and no `*.localhost` name
 * (loopback by RFC 6761, whatever the resolver says; `localhost` itself resolves to loopback and is
 * refused on its addresses). Answers the refusal in Dutch, or undefined.
 */
export function staticRefusal(url: string, policy: WebhookDestinationPolicy): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'Geef een geldig http- of https-adres';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'Geef een http- of https-adres';
  if (u.username || u.password) return 'Zet geen gebruikersnaam of wachtwoord in het adres';
  if (policy.allowPrivate) return undefined;
  if (u.protocol !== 'https:') {
    return `Gebruik een https-adres: naar internet gaan webhooks alleen versleuteld. ${ALLOW_HINT}`;
  }
  const host = hostOf(u);
  if (host.endsWith('.localhost')) return internalRefusal(host);
  if (isIP(host) && isInternalAddress(host)) return internalRefusal(host);
  return undefined;
}

/** The host of a URL without the brackets of an IPv6 literal and without a trailing dot. */
const hostOf = (u: URL): string =>
  u.hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();

/**
 * Registration: the static rules, then the addresses the name has now. A name that does not resolve
 * (yet) is accepted — the delivery checks again, and an unknown name reaches nothing.
 */
export async function destinationRefusal(
  url: string,
  policy: WebhookDestinationPolicy,
  timeoutMs = 3000,
): Promise<string | undefined> {
  const refused = staticRefusal(url, policy);
  if (refused || policy.allowPrivate) return refused;
  const host = hostOf(new URL(url));
  if (isIP(host)) return undefined;
  const addresses = await resolveAll(host, timeoutMs);
  const internal = addresses.find((a) => isInternalAddress(a.address));
  return internal ? internalRefusal(internal.address) : undefined;
}

function resolveAll(host: string, timeoutMs: number): Promise<LookupAddress[]> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve([]), timeoutMs);
    dnsLookup(host, { all: true }, (err, addresses) => {
      clearTimeout(timer);
      resolve(err ? [] : addresses);
    });
  });
}

/** Raised by the delivery's DNS look-up when a name resolves to an internal address: nothing is sent. */
export class RefusedDestination extends Error {}

/**
 * The DNS look-up of a delivery's connection: the addresses the socket will use, refused when one is
 * internal and private destinations are not allowed — so a name that turned internal since the
 * registration reaches nothing (no time between the check and the connect).
 */
export function guardedLookup(policy: WebhookDestinationPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const all: LookupAllOptions = { ...options, all: true };
    dnsLookup(hostname, all, (err, addresses) => {
      if (err) {
        callback(err, '', undefined);
        return;
      }
      const internal = policy.allowPrivate ? undefined : addresses.find((a) => isInternalAddress(a.address));
      if (internal) {
        callback(new RefusedDestination(internalRefusal(internal.address)), '', undefined);
        return;
      }
      const [first] = addresses;
      if (options.all) callback(null, addresses);
      else if (first) callback(null, first.address, first.family);
      else callback(Object.assign(new Error(`geen adres voor ${hostname}`), { code: 'ENOTFOUND' }), '');
    });
  };
}
