import type { PaperRecord } from '@/lib/store/db';
import { paperWords } from '@/lib/store/search';

/** Papers for the export and import tests, as the library stores them. */

const DAY = 86_400_000;
export const T0 = Date.UTC(2024, 7, 2, 9, 30); // 2024-08-02T09:30:00Z

export function record(fields: Partial<PaperRecord> & Pick<PaperRecord, 'id' | 'title'>): PaperRecord {
  const paper: PaperRecord = {
    authors: [],
    links: {},
    note: '',
    createdAt: T0,
    updatedAt: T0,
    changedAt: { meta: T0 },
    words: [],
    ...fields,
  };
  paper.words = paperWords(paper);
  return paper;
}

export const LLAMA = record({
  id: 'arxiv:2407.21783',
  title: 'The Llama 3 Herd of Models',
  authors: ['Abhimanyu Dubey', 'Abhinav Jauhri', 'Abhinav Pandey'],
  date: '2024-07-31',
  primaryCategory: 'cs.AI',
  links: { huggingface: 'https://huggingface.co/papers/2407.21783', abs: 'https://arxiv.org/abs/2407.21783' },
  seen: { site: 'huggingface', url: 'https://huggingface.co/papers?date=2024-08-01', at: T0 },
  starredAt: T0,
  queuePos: 1,
  queuedAt: T0 + 1000,
  note: 'Compare with §3.2: 50% & more',
  noteUpdatedAt: T0 + 2000,
  changedAt: { meta: T0, star: T0, queue: T0 + 1000, note: T0 + 2000 },
});

export const MALDACENA = record({
  id: 'arxiv:hep-th/9711200',
  title: 'The Large N Limit of Superconformal Field Theories and Supergravity',
  authors: ['Juan M. Maldacena'],
  primaryCategory: 'hep-th',
  readAt: T0 + DAY,
  createdAt: T0 + DAY,
  updatedAt: T0 + DAY,
  changedAt: { meta: T0 + DAY, read: T0 + DAY },
});

/** TeX, specials, Unicode, emoji, a multi-line note with braces and a backslash. */
export const TRICKY = record({
  id: 'arxiv:2401.00001',
  title: '$\\beta$-VAE_{2}: Learning ~ ^ # Émile’s 🦙 concepts -- fast',
  authors: ['Émile Zoë', 'Meta and Friends AI', 'O’Neil, Jr.'],
  date: '2024-01-02',
  note: 'Line 1 with a_b\n\nLine 3: {braces} and \\cite{x}',
  noteUpdatedAt: T0,
  changedAt: { meta: T0, note: T0 },
});

/** Same first author, year and first title word as TRICKY: the citation keys collide. */
export const TRICKY_TWIN = record({
  id: 'arxiv:2401.00002',
  title: 'Beta testing',
  authors: ['Emile Zoe'],
  starredAt: T0,
  changedAt: { meta: T0, star: T0 },
});
