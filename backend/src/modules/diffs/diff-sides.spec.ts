import type { ListVersionEntity } from '../lists/list-version.entity';
import { resolvePair, sideShortLabel } from './diff-sides';

const version = (number: number, round = number): ListVersionEntity =>
  ({ id: `v${number}`, number, round, label: `第${round}轮报送` }) as ListVersionEntity;

describe('resolvePair: which two sides a diff compares', () => {
  const three = [version(3), version(1), version(2)];

  it('defaults to the last two versions, or the only version against the draft', () => {
    expect(resolvePair(three, undefined, undefined)).toEqual({ from: three[2], to: three[0] });
    const one = [version(1)];
    expect(resolvePair(one, undefined, undefined)).toEqual({ from: one[0], to: 'draft' });
  });

  it('refuses a list with no version with NO_VERSION (409)', () => {
    expect(() => resolvePair([], undefined, undefined)).toThrow(expect.objectContaining({ code: 'NO_VERSION' }));
    expect(() => resolvePair([], undefined, 'draft')).toThrow(expect.objectContaining({ code: 'NO_VERSION' }));
  });

  it('fills the missing side: from → the latest (or the draft when from is the latest); to → the version before', () => {
    expect(resolvePair(three, 1, undefined).to).toBe(three[0]);
    expect(resolvePair(three, 3, undefined).to).toBe('draft');
    expect(resolvePair(three, undefined, 2).from).toBe(three[1]);
    expect(resolvePair(three, undefined, 'draft').from).toBe(three[0]);
    expect(resolvePair(three, 1, 3)).toEqual({ from: three[1], to: three[0] });
  });

  it('answers 404 for a version the list does not have', () => {
    expect(() => resolvePair(three, 7, undefined)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => resolvePair(three, 1, 9)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('names the sides by round, by version number within one round, and 当前草稿', () => {
    expect(sideShortLabel(version(1), version(2))).toBe('第1轮');
    expect(sideShortLabel(version(2, 2), version(3, 2))).toBe('第2版');
    expect(sideShortLabel('draft', version(1))).toBe('当前草稿');
  });
});
