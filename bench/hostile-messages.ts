import { LIMITS } from '@/lib/limits';
import { withinMessageBudget } from '@/lib/messages';

/**
 * The heaviest messages a page can make the background handle (security audit row 5), for the
 * benchmarks: the worst one it accepts and one far over the limits, which it refuses.
 */

/** `count` distinct words: each is a new search-index word until the cap. */
function words(count: number, salt: string): string {
  return Array.from({ length: count }, (_, i) => `${salt}${i.toString(36)}`).join(' ');
}

/**
 * The worst `act` the background accepts: the longest note (distinct words throughout) and a card
 * whose every field is far over the caps (all clipped), filling the message budget.
 */
export function worstAcceptedAct(id: string, salt = 'w'): unknown {
  const message = {
    type: 'act',
    paper: {
      id,
      title: words(1_500, `${salt}t`),
      authors: Array.from({ length: 500 }, (_, i) => `${salt} Author ${i} ${words(4, `${salt}a${i}x`)}`),
      organization: words(500, `${salt}o`),
      abstract: words(3_000, `${salt}b`),
      primaryCategory: 'cs.CL',
      categories: Array.from({ length: 200 }, (_, i) => `cs.X${i}`),
      journalRef: words(300, `${salt}j`),
      paperComments: words(300, `${salt}c`),
      links: { abs: `https://arxiv.org/abs/${id.slice(6)}`, pdf: 'https://evil.example/x.pdf' },
    },
    action: { kind: 'note', text: words(LIMITS.note / 8, `${salt}n`).slice(0, LIMITS.note) },
  };
  if (!withinMessageBudget(message)) throw new Error('the worst accepted message must be within the budget');
  return message;
}

/** The audit's card: a 6 MB record's worth of title, abstract and 500,003 authors. Refused. */
export function farOverAct(id: string): unknown {
  return {
    type: 'act',
    paper: {
      id,
      title: 'x'.repeat(2_000_000),
      authors: Array.from({ length: 500_003 }, (_, i) => `A${i}`),
      abstract: 'y'.repeat(2_000_000),
    },
    action: { kind: 'star', value: true },
  };
}

/** A click on an ordinary card: the figure the others are compared with. */
export function typicalAct(id: string): unknown {
  return {
    type: 'act',
    paper: {
      id,
      title: 'The Llama 3 Herd of Models',
      authors: ['Abhimanyu Dubey', 'Abhinav Jauhri', 'Abhinav Pandey'],
      authorCount: 533,
      abstract: 'Modern artificial intelligence (AI) systems are powered by foundation models. '.repeat(12),
      date: '2024-07-31',
      links: { abs: `https://arxiv.org/abs/${id.slice(6)}` },
    },
    action: { kind: 'star', value: true },
  };
}
