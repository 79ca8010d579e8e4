import { generateOneTimePassword } from './one-time-password';

describe('generateOneTimePassword', () => {
  it('gives three groups of four unambiguous letters and digits, with upper, lower and a digit', () => {
    for (let i = 0; i < 200; i++) {
      const password = generateOneTimePassword();
      expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}-[A-HJ-NP-Za-km-z2-9]{4}$/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
    }
  });

  it('never repeats itself in a thousand draws', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => generateOneTimePassword()));
    expect(seen.size).toBe(1000);
  });
});
