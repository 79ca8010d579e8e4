import { COMMON_PASSWORDS } from './common-passwords';
import { isCommonPassword, passwordProblems, PASSWORD_POLICY_HINT } from './password-policy';

const owner = { username: 'biliuhe' };

describe('password policy', () => {
  it('accepts a long password with letters and digits that is nobody’s favourite', () => {
    for (const good of [
      'Tianshan-2026-duty',
      'x9Y2k8W1m3',
      '碧流河镇清单审核2026',
      'correct horse7'.replace(' ', '-'),
    ]) {
      expect({ good, problems: passwordProblems(good, owner) }).toEqual({ good, problems: [] });
    }
  });

  it('refuses short passwords, and says so in Chinese', () => {
    expect(passwordProblems('Ab1cd9x', owner)).toContain('密码至少 10 个字符');
  });

  it('refuses passwords without letters or without digits', () => {
    expect(passwordProblems('9284710356', owner)).toContain('密码须同时包含字母和数字');
    expect(passwordProblems('tianshanduty', owner)).toContain('密码须同时包含字母和数字');
  });

  it('refuses a password containing the user name, in any case', () => {
    expect(passwordProblems('BiLiuHe-2026x', owner)).toContain('密码不能包含用户名');
    expect(passwordProblems('xx-biliuhe-77', { username: 'BILIUHE' })).toContain('密码不能包含用户名');
  });

  it('refuses common and leaked passwords, also padded with digits and symbols', () => {
    for (const weak of [
      'woaini1314',
      'qwerty123',
      'a123456789',
      'Qwerty123456!',
      'woaini1314520',
      'password123',
      'P@ssw0rd2026',
      '1qaz2wsx3edc',
      'admin123456',
      'zhang19870512',
      'Xinjiang2026',
      'abc1234567',
      'qweqweqwe1',
      'demo1234demo1234',
      'test-password-1',
    ]) {
      expect({ weak, common: isCommonPassword(weak) }).toEqual({ weak, common: true });
      expect(passwordProblems(weak, { username: 'someone' })).toContain('密码过于常见，容易被猜中，请换一个');
    }
    for (const fav of ['123456', '88888888', 'a123456', 'woaini1314', 'qwerty123', 'demo1234']) {
      expect(COMMON_PASSWORDS).toContain(fav);
    }
  });

  it('refuses a few characters repeated', () => {
    expect(passwordProblems('ab1ab1ab1ab1', owner)).toContain('密码不能由少数几个字符重复组成');
  });

  it('refuses whitespace and over-long passwords', () => {
    expect(passwordProblems('Tianshan 2026 x', owner)).toContain('密码不能包含空格');
    expect(passwordProblems(`a1${'x9Yk'.repeat(40)}`, owner)).toContain('密码不能超过 128 个字符');
  });

  it('states the rule in one line for forms', () => {
    expect(PASSWORD_POLICY_HINT).toBe('至少 10 个字符，同时包含字母和数字，不能包含用户名，不能是常见密码');
  });
});
