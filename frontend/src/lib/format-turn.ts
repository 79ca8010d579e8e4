import dayjs from 'dayjs';
import { ROLE_LABELS, type Turn } from '@dutylist/shared';
import { formatDateTime } from './format';

/** "阿合奇县 县委编办审核人" */
export function formatTurnHolder(turn: Turn): string {
  return `${turn.orgUnit.name} ${ROLE_LABELS[turn.role]}`;
}

/** "等待 阿合奇县 县委编办审核人：逐项审核", or that the list is finished. */
export function formatTurn(turn: Turn | null): string {
  if (!turn) return '流程已结束';
  return `等待 ${formatTurnHolder(turn)}：${turn.task}`;
}

/** "2025-07-10 18:00（剩 3 天）", "2025-07-01 18:00（已超 2 天）" or "不限期". */
export function formatDeadline(deadline: string | null, now: Date = new Date()): string {
  if (!deadline) return '不限期';
  const end = dayjs(deadline);
  const hours = end.diff(dayjs(now), 'hour', true);
  if (hours < 0) return `${formatDateTime(deadline)}（已超 ${Math.ceil(-hours / 24)} 天）`;
  if (hours < 24) return `${formatDateTime(deadline)}（不足 1 天）`;
  return `${formatDateTime(deadline)}（剩 ${Math.floor(hours / 24)} 天）`;
}
