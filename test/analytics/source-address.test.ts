import { describe, expect, it } from 'vitest';
import { addressOfViewerHeader, bucketOfAddress } from '../../functions/analytics/domain/source-address.ts';

describe('the address in CloudFront-Viewer-Address', () => {
  it('is the address without its port, IPv4, IPv6 as CloudFront writes it, or bracketed', () => {
    expect(addressOfViewerHeader('198.51.100.7:46532')).toBe('198.51.100.7');
    expect(addressOfViewerHeader(' 198.51.100.7:1 ')).toBe('198.51.100.7');
    expect(addressOfViewerHeader('2001:db8:4006:812::200e:44321')).toBe('2001:db8:4006:812::200e');
    expect(addressOfViewerHeader('[2001:db8::7]:44321')).toBe('2001:db8::7');
    expect(addressOfViewerHeader('[::ffff:198.51.100.7]:443')).toBe('::ffff:198.51.100.7');
  });

  it('is not believed when the header is not one address and one port', () => {
    for (const value of [undefined, '', '198.51.100.7', '198.51.100.7:', '198.51.100.7:123456', 'example.org:443', '203.0.113.9:1, 198.51.100.7:2',
      '[2001:db8::7]', '[2001:db8::7]:x', '2001:db8::7', '999.1.1.1:80', 'unknown:0']) {
      expect(addressOfViewerHeader(value), String(value)).toBeUndefined();
    }
  });
});

describe('the bucket of an address', () => {
  it('is the IPv4 address itself, however the socket writes it', () => {
    expect(bucketOfAddress('198.51.100.7')).toBe('198.51.100.7');
    expect(bucketOfAddress('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(bucketOfAddress('198.51.100.8')).not.toBe(bucketOfAddress('198.51.100.7'));
  });

  it('is the /64 of an IPv6 address: other addresses of one network share it, other networks do not', () => {
    const home = bucketOfAddress('2001:db8:aa:1::1');
    expect(home).toBe('2001:db8:aa:1::/64');
    for (const same of ['2001:db8:aa:1:ffff:ffff:ffff:ffff', '2001:0DB8:00aa:0001::9', '2001:db8:aa:1:0:0:0:2', '2001:db8:aa:1::1%eth0']) {
      expect(bucketOfAddress(same), same).toBe(home);
    }
    for (const other of ['2001:db8:aa:2::1', '2001:db8:ab:1::1', '2001:db9:aa:1::1']) expect(bucketOfAddress(other), other).not.toBe(home);
    expect(bucketOfAddress('::1')).toBe('0:0:0:0::/64');
    expect(bucketOfAddress('64:ff9b::198.51.100.7')).toBe('64:ff9b:0:0::/64');
    expect(bucketOfAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('leaves anything that is not an address as it is', () => {
    expect(bucketOfAddress('unknown')).toBe('unknown');
  });
});
