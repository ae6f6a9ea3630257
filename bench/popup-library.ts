import type { Page } from 'playwright-core';
import type { PaperRecord } from '../lib/store/db';
import { paperWords } from '../lib/store/search';

/*
 * A synthetic library for the popup and options benchmarks: records shaped as the library writes
 * them (search words included), the same on every run, and a way to store them in the extension's
 * own database from one of its pages.
 */

/** Share of the library in each view, roughly as a heavy user's: a long queue and history. */
export const SHARE = { queue: 0.2, starred: 0.1, read: 0.3, notes: 0.05, abstract: 0.7 };

const VOCABULARY = (
  'learning model models language large vision transformer transformers diffusion graph neural network networks ' +
  'reinforcement policy agent agents reasoning retrieval augmented generation video image images audio speech ' +
  'multimodal efficient scaling sparse mixture experts attention memory context long benchmark evaluation dataset ' +
  'robust robustness adversarial privacy federated optimization gradient stochastic convergence theory bounds ' +
  'generalization representation contrastive self supervised semi unsupervised fine tuning instruction alignment ' +
  'preference feedback human reward safety interpretability mechanistic circuits probing embeddings tokens ' +
  'tokenizer decoding sampling inference quantization pruning distillation compression hardware accelerator ' +
  'kernel compiler systems distributed training parallel pipeline cluster protein molecule chemistry physics ' +
  'climate weather forecasting time series anomaly detection segmentation tracking pose depth 3d gaussian ' +
  'splatting radiance fields nerf rendering editing control planning navigation robot manipulation humanoid ' +
  'world simulation game code program synthesis math theorem proving verification agentic tool use web'
).split(/\s+/);
const FIRST = ['Ada', 'Émile', 'Zoë', 'Wei', 'Ana', 'José', 'Li', 'Noam', 'Priya', 'Søren', 'Yuki', 'Omar', 'Chloé', 'Ivan'];
const LAST = ['Lovelace', 'Borel', 'Zhang', 'García', 'Müller', 'Shazeer', 'Kumar', 'Kierkegaard', 'Tanaka', 'Haddad', 'Dubois', 'Petrov'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze', 'bra', 'chen', 'dor', 'fel', 'gri', 'hu', 'jan', 'kov', 'lin', 'mar', 'nor', 'pel', 'qui', 'ros', 'sten', 'tur', 'ul', 'van', 'wen', 'xu', 'yor'];

/** A deterministic generator: the same library on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The long tail of a real library's words (rare terms, most surnames): made-up words of 2–4 syllables. */
const RARE = (() => {
  const rand = random(7);
  return Array.from({ length: 20_000 }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(''),
  );
})();

/** Papers `from` to `to` of the synthetic library (the same papers for the same numbers). */
export function makeRecords(from: number, to: number): PaperRecord[] {
  const rand = random(from + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const records: PaperRecord[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = from; i < to; i++) {
    const words = Array.from({ length: 5 + Math.floor(rand() * 8) }, () => pick(VOCABULARY));
    if (rand() < 0.5) words.splice(1 + Math.floor(rand() * (words.length - 1)), 0, pick(RARE));
    const title = words.map((word, j) => (j === 0 ? word[0]!.toUpperCase() + word.slice(1) : word)).join(' ');
    const surname = () => (rand() < 0.3 ? pick(LAST) : capitalise(pick(RARE)));
    const authors = Array.from({ length: 1 + Math.floor(rand() * 7) }, () => `${pick(FIRST)} ${surname()}`);
    const at = start + i * 60_000;
    const note = rand() < SHARE.notes ? `Check ${pick(VOCABULARY)} against ${pick(VOCABULARY)}; zebrafish data in §${1 + (i % 9)}.` : '';
    const arxiv = `${String(15 + Math.floor(i / 90_000)).padStart(2, '0')}${String(1 + (Math.floor(i / 7_500) % 12)).padStart(2, '0')}.${String(i % 90_000).padStart(5, '0')}`;
    const record: PaperRecord = {
      id: `arxiv:${arxiv}`,
      title,
      authors,
      links: { abs: `https://arxiv.org/abs/${arxiv}`, pdf: `https://arxiv.org/pdf/${arxiv}`, huggingface: `https://huggingface.co/papers/${arxiv}` },
      seen: { site: 'huggingface', url: 'https://huggingface.co/papers', at },
      note,
      createdAt: at,
      updatedAt: at,
      changedAt: { meta: at },
      words: [],
    };
    // Listings with abstracts (arXiv /new, search, Hugging Face) store one of about 1,200 characters.
    if (rand() < SHARE.abstract) record.abstract = Array.from({ length: 170 }, () => pick(rand() < 0.9 ? VOCABULARY : RARE)).join(' ');
    const r = rand();
    if (r < SHARE.queue) {
      record.queuePos = i + 1;
      record.queuedAt = at;
    } else if (r < SHARE.queue + SHARE.read) {
      record.readAt = at + 1_000;
    }
    if (rand() < SHARE.starred) record.starredAt = at + 2_000;
    if (note) record.noteUpdatedAt = at + 3_000;
    record.words = paperWords(record);
    records.push(record);
  }
  return records;
}

function capitalise(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/**
 * Writes records straight into the extension's database, from a page of the extension's origin
 * (raw IndexedDB: fast, and the same records the library writes), and drops the catalog's meta row:
 * the next page that reads the catalog builds it from the records.
 */
export async function seed(page: Page, records: PaperRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 5_000) {
    await page.evaluate(async (chunk) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('shelfmark');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        // (A build without the catalog, to measure what came before it, has the papers alone.)
        const catalog = db.objectStoreNames.contains('catalog');
        const transaction = db.transaction(catalog ? ['papers', 'catalog'] : ['papers'], 'readwrite');
        const store = transaction.objectStore('papers');
        for (const record of chunk) store.put(record);
        // Written behind the catalog's back: its meta row goes, so the next page to read it builds it again.
        if (catalog) transaction.objectStore('catalog').delete('meta');
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      db.close();
    }, records.slice(i, i + 5_000));
  }
}
