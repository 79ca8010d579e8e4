import { Mentions } from 'antd';
import type { UserRef } from '@dutylist/shared';

/** The @handle of a participant: the display name without spaces (Mentions splits on a space). */
export function mentionHandle(user: UserRef): string {
  return user.displayName.replace(/\s+/g, '');
}

/** The ids of the participants whose @handle the text contains. */
export function mentionedIds(body: string, participants: readonly UserRef[]): string[] {
  return participants.filter((user) => body.includes(`@${mentionHandle(user)}`)).map((user) => user.id);
}

export interface MentionInputProps {
  value: string;
  onChange: (value: string) => void;
  participants: readonly UserRef[];
  placeholder?: string;
  disabled?: boolean;
  rows?: number;
  testId: string;
}

/** A comment box in which typing @ picks someone from the list's participants. */
export function MentionInput({
  value,
  onChange,
  participants,
  placeholder,
  disabled,
  rows = 3,
  testId,
}: MentionInputProps) {
  return (
    <Mentions
      value={value}
      onChange={onChange}
      rows={rows}
      disabled={disabled}
      placeholder={placeholder ?? '输入评论，输入 @ 可提醒相关人员'}
      options={participants.map((user) => ({
        key: user.id,
        value: mentionHandle(user),
        label: `${user.displayName}（${user.orgName}）`,
      }))}
      notFoundContent="没有匹配的人员"
      data-testid={testId}
    />
  );
}
