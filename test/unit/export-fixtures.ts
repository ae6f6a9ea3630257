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

/** An ACL Anthology paper, known by its Anthology id (its DOI is that id: no alias). */
export const PROMPT_WORTH = record({
  id: 'acl:2021.naacl-main.208',
  title: 'How many data points is a prompt worth?',
  authors: ['Teven Le Scao', 'Alexander Rush'],
  date: '2021-06-01',
  venue: 'Proceedings of the 2021 Conference of the North American Chapter of the Association for Computational Linguistics',
  links: { abs: 'https://aclanthology.org/2021.naacl-main.208/', pdf: 'https://aclanthology.org/2021.naacl-main.208.pdf' },
  seen: { site: 'acl', url: 'https://aclanthology.org/2021.naacl-main.208/', at: T0 },
  starredAt: T0,
  changedAt: { meta: T0, star: T0 },
});

/** A journal paper seen on dblp: its DOI is its id, its dblp key an alias. */
export const AUTOML = record({
  id: 'doi:10.1109/esem56168.2023.10304796',
  aliases: ['dblp:conf/esem/CalefatoQLK23'],
  title: 'Assessing the Use of AutoML for Data-Driven Software Engineering.',
  authors: ['Fabio Calefato', 'Luigi Quaranta', 'Filippo Lanubile', 'Marcos Kalinowski'],
  date: '2023-01-01',
  venue: 'ESEM',
  links: { abs: 'https://doi.org/10.1109/ESEM56168.2023.10304796' },
  seen: { site: 'dblp', url: 'https://dblp.org/search?q=calefato', at: T0 },
  note: 'Compare with the AutoML survey',
  noteUpdatedAt: T0,
  changedAt: { meta: T0, note: T0 },
});

/** An OpenReview submission, known by its forum id only. */
export const GAN_BALANCE = record({
  id: 'openreview:SyBPtQfAZ',
  title: 'Improving Discriminator-Generator Balance in Generative Adversarial Networks',
  authors: ['Anonymous'],
  date: '2017-10-28',
  venue: 'ICLR 2018 Conference Blind Submission',
  links: { abs: 'https://openreview.net/forum?id=SyBPtQfAZ', pdf: 'https://openreview.net/pdf?id=SyBPtQfAZ' },
  queuePos: 2,
  queuedAt: T0,
  changedAt: { meta: T0, queue: T0 },
});
