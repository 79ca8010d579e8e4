import { trustProxySetting } from './setup-app';

describe('trustProxySetting (TRUST_PROXY)', () => {
  it('trusts no proxy when unset, so X-Forwarded-For cannot pick the client address', () => {
    expect(trustProxySetting(undefined)).toBe(false);
    expect(trustProxySetting('false')).toBe(false);
  });

  it('passes a hop count as a number and addresses or CIDRs as they are', () => {
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('loopback')).toBe('loopback');
    expect(trustProxySetting('10.0.0.0/8, 192.168.1.5')).toBe('10.0.0.0/8, 192.168.1.5');
    expect(trustProxySetting('true')).toBe(true);
  });
});
