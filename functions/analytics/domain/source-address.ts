import { isIP } from 'node:net';

/**
 * Which address a request counts against, and how much of it. Pure: the caller says which address it believes
 * (source.ts); these rules only read it.
 */

/**
 * The address in CloudFront's `CloudFront-Viewer-Address` header: `198.51.100.7:46532`, `2001:db8::7:46532`
 * (IPv6 unbracketed, the port after the last colon) or `[2001:db8::7]:46532`. Undefined for anything else
 * (no port, two values, not an address): a header CloudFront did not write alone is not believed.
 */
export function addressOfViewerHeader(value: string | undefined): string | undefined {
  const text = value?.trim() ?? '';
  const address = (/^\[([0-9a-f:.]+)\]:\d{1,5}$/i.exec(text) ?? /^([0-9a-f:.]+):\d{1,5}$/i.exec(text))?.[1];
  return address !== undefined && isIP(address) !== 0 ? address : undefined;
}

/** The eight 16-bit groups of an IPv6 address, "::" filled in and an embedded IPv4 tail counted as two. */
function ipv6Groups(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const groups = (part: string) => (part ? part.split(':').flatMap((group) => (group.includes('.') ? [0, 0] : [parseInt(group, 16)])) : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The bucket an address belongs to: an IPv4 address is one bucket (also written as `::ffff:a.b.c.d`, as a
 * dual-stack socket reports it); an IPv6 address counts with its /64, the one network a subscriber is given and
 * can pick any address in, so changing addresses within it does not buy a fresh bucket.
 */
export function bucketOfAddress(address: string): string {
  const plain = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(plain)?.[1];
  if (mapped !== undefined) return mapped;
  if (isIP(plain) !== 6) return plain;
  return `${ipv6Groups(plain.toLowerCase()).slice(0, 4).map((group) => group.toString(16)).join(':')}::/64`;
}
