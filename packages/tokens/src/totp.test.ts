import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotpStep,
  newTotpSecret,
  otpauthUri,
  totpCode,
} from './totp';

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII "12345678901234567890"; 8-digit codes.
const rfcKey = Buffer.from('12345678901234567890', 'ascii');
const rfcVectors: Array<[number, string]> = [
  [59, '94287082'],
  [1_111_111_109, '07081804'],
  [1_111_111_111, '14050471'],
  [1_234_567_890, '89005924'],
  [2_000_000_000, '69279037'],
  [20_000_000_000, '65353130'],
];

describe('TOTP', () => {
  it.each(rfcVectors)('matches RFC 6238 at %i seconds', (seconds, code) => {
    expect(hotp(rfcKey, Math.floor(seconds / 30), 8)).toBe(code);
  });

  it('matches RFC 4226 HOTP vectors', () => {
    const codes = ['755224', '287082', '359152', '969429', '338314'];
    codes.forEach((code, counter) => expect(hotp(rfcKey, counter)).toBe(code));
  });

  it('base32 round-trips and ignores case, spaces and padding', () => {
    expect(base32Encode(rfcKey)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq==').equals(rfcKey)).toBe(true);
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
  });

  it('accepts the current step and one either side, nothing else', () => {
    const secret = base32Encode(rfcKey);
    const at = new Date(1_111_111_111_000);
    const step = Math.floor(1_111_111_111 / 30);
    expect(matchTotpStep(secret, totpCode(secret, at), at)).toBe(step);
    expect(matchTotpStep(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCode(secret, new Date(at.getTime() + 90_000)), at)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', at)).toBeNull();
  });

  it('builds the otpauth URI authenticator apps read', () => {
    expect(otpauthUri({ secret: 'ABC', account: 'a@b.c', issuer: 'Gametriggers' })).toBe(
      'otpauth://totp/Gametriggers%3Aa%40b.c?secret=ABC&issuer=Gametriggers&algorithm=SHA1&digits=6&period=30',
    );
  });
});
