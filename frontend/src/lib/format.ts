import dayjs from 'dayjs';

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY-MM-DD HH:mm') : value;
}

export function formatRound(round: number, maxRounds: number): string {
  return `第${round}轮 / 共${maxRounds}轮`;
}

export function formatEdition(edition: number): string {
  return `${edition}年`;
}
