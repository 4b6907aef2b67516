import dayjs from 'dayjs';

export function formatDateTime(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD HH:mm:ss');
}

export function formatDate(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD');
}
