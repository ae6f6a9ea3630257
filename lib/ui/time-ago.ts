import { formatDateTime, t, uiLocale } from '../i18n';

/**
 * "just now", "3 minutes ago", "3 Dec 2025, 14:05" ("刚刚", "3分钟前"): when something happened, for
 * the popup and options page, in the browser's language (Intl.RelativeTimeFormat).
 */
export function timeAgo(at: number, now = Date.now()): string {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) return t('justNow');
  const relative = new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'always' });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  return formatDateTime(at);
}
