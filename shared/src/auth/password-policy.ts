import { COMMON_PASSWORDS } from './common-passwords';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** The rule as one line, for forms. */
export const PASSWORD_POLICY_HINT = `至少 ${PASSWORD_MIN_LENGTH} 个字符，同时包含字母和数字，不能包含用户名，不能是常见密码`;

const COMMON = new Set(COMMON_PASSWORDS);

/** The user the password is for: it may not contain their user name. */
export interface PasswordOwner {
  username: string;
}

/**
 * What is wrong with a new password, in Chinese, one line per rule broken (empty: the password is fine).
 * Used by the backend before it hashes, and by the password forms as you type.
 */
export function passwordProblems(password: string, owner: PasswordOwner): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少 ${PASSWORD_MIN_LENGTH} 个字符`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`);
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) problems.push('密码须同时包含字母和数字');
  if (/\s/.test(password)) problems.push('密码不能包含空格');
  const lower = password.toLowerCase();
  const username = owner.username.trim().toLowerCase();
  if (username.length >= 3 && lower.includes(username)) problems.push('密码不能包含用户名');
  if (isCommonPassword(password)) problems.push('密码过于常见，容易被猜中，请换一个');
  else if (new Set(lower).size < 4) problems.push('密码不能由少数几个字符重复组成');
  return problems;
}

/** One of the common passwords, or one of them padded with digits and symbols (`Qwerty123456!`). */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase().trim();
  const letters = lower.replace(/[^a-z]/g, '');
  const digits = lower.replace(/[^0-9]/g, '');
  const candidates = [
    lower,
    lower.replace(/[^a-z]+$/, ''), // stem, then digits/symbols
    lower.replace(/^[^a-z]+/, ''), // digits/symbols, then stem
    lower.replace(/^[^a-z]+|[^a-z]+$/g, ''),
    lower.replace(/[^a-z0-9]/g, ''), // symbols dropped (`p@ss-word`)
  ];
  // A digit run with a few letters around it (`a123456789`, `123456789qq`).
  if (letters.length <= 3) candidates.push(digits);
  return candidates.some((c) => c.length > 0 && (COMMON.has(c) || isRepeatedStem(c)));
}

/** A common stem said twice or more (`woaini1314woaini1314`, `qweqweqwe1`). */
function isRepeatedStem(core: string): boolean {
  for (let size = 2; size <= core.length / 2; size += 1) {
    const unit = core.slice(0, size);
    if (unit.repeat(Math.ceil(core.length / size)).startsWith(core) && COMMON.has(unit)) return true;
  }
  return false;
}
