/** "just now", "3 minutes ago", "yesterday at 14:05": when something happened, for the popup and options page. */
export function timeAgo(at: number, now = Date.now()): string {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** How long a paper has waited in the queue since `at`: "added today", "waiting 3 days", "waiting 2 weeks", "waiting 5 months". */
export function waitingFor(at: number, now = Date.now()): string {
  const days = Math.floor((now - at) / 86_400_000);
  if (days < 1) return 'added today';
  if (days < 14) return `waiting ${days} day${days === 1 ? '' : 's'}`;
  if (days < 60) return `waiting ${Math.floor(days / 7)} weeks`;
  if (days < 730) return `waiting ${Math.floor(days / 30)} months`;
  return `waiting ${Math.floor(days / 365)} years`;
}
