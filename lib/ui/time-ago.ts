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

/**
 * How long a paper has waited in the queue since `at`: "added today", "waiting 3 days", "waiting 2
 * weeks", "waiting 5 months" ("今天加入", "已等待3天"): the duration in the browser's language and
 * its plural (Intl.NumberFormat's units).
 */
export function waitingFor(at: number, now = Date.now()): string {
  const days = Math.floor((now - at) / 86_400_000);
  if (days < 1) return t('queueAddedToday');
  const [count, unit] =
    days < 14 ? [days, 'day'] : days < 60 ? [Math.floor(days / 7), 'week'] : days < 730 ? [Math.floor(days / 30), 'month'] : [Math.floor(days / 365), 'year'];
  return t('queueWaiting', new Intl.NumberFormat(uiLocale(), { style: 'unit', unit, unitDisplay: 'long' }).format(count));
}
