import { describe, expect, it } from 'vitest';
import { absoluteUrl, dateInText, dayOfTimestamp, parseCount, readText } from '@/lib/sites/read';
import { parsePage } from '../pages';

describe('dateInText: the dates the sites print', () => {
  it.each([
    ['Mon, 27 Jul 2026 (showing 47 of 47 entries )', '2026-07-27'],
    ['Showing new listings for Friday, 13 February 2026', '2026-02-13'],
    ['Catchup results for Computation and Language on Fri, 13 Feb 2026', '2026-02-13'],
    ['[Submitted on 30 Nov 2025]', '2025-11-30'],
    ['[Submitted on 3 Jan 2024 (v1), last revised 5 Feb 2024 (this version, v2)]', '2024-01-03'],
    ['Submitted 2 December, 2025; originally announced December 2025.', '2025-12-02'],
    ['Submitted 22 January, 1998; v1 submitted 27 November, 1997;', '1998-01-22'],
    ['New submissions for Fri, 20 Oct 23', '2023-10-20'],
    ['Replacements for Mon, 4 Jan 99', '1999-01-04'],
    ['Sep 8, 2025', '2025-09-08'],
    ['Sept. 8, 2025', '2025-09-08'],
    ['29 Feb 2024', '2024-02-29'],
  ])('%s → %s', (text, date) => {
    expect(dateInText(text)).toBe(date);
  });

  it.each([
    'New submissions (showing 3 of 3 entries)',
    'Authors and titles for January 1999',
    '31 Feb 2024',
    '0 Jan 2024',
    'Marvel 12, 2024',
    'at 5 Aug 12:00',
    '',
  ])('finds no date in %j', (text) => {
    expect(dateInText(text)).toBeUndefined();
  });

  it('places a date printed without its year in the latest such year up to the reference', () => {
    const reference = new Date('2026-11-27T12:00:00Z');
    expect(dateInText('Published on Sep 28', reference)).toBe('2026-09-28');
    expect(dateInText('Dec 20', reference)).toBe('2025-12-20');
    // A day or so ahead of the reference is still this year (the page's time zone may be ahead).
    expect(dateInText('Nov 28', reference)).toBe('2026-11-28');
    expect(dateInText('Feb 29', new Date('2026-03-01T00:00:00Z'))).toBe('2024-02-29');
    expect(dateInText('Sep 28')).toBeUndefined();
  });
});

describe('parseCount and dayOfTimestamp', () => {
  it.each([
    ['94', 94],
    ['  Upvote\n  118 ', 118],
    ['1,234', 1234],
    ['1.2k', 1200],
    ['3M', 3_000_000],
    ['· 533 authors', 533],
  ])('%j → %d', (text, count) => {
    expect(parseCount(text)).toBe(count);
  });

  it('finds no count where there is none', () => {
    expect(parseCount('Upvote')).toBeUndefined();
    expect(parseCount(null)).toBeUndefined();
    expect(parseCount('9'.repeat(400))).toBeUndefined();
  });

  it('reads the day of an ISO timestamp, nothing else', () => {
    expect(dayOfTimestamp('2024-07-31T17:54:27.000Z')).toBe('2024-07-31');
    expect(dayOfTimestamp('2024-08-01')).toBe('2024-08-01');
    expect(dayOfTimestamp('2024-02-30T00:00:00Z')).toBeUndefined();
    expect(dayOfTimestamp(20240731)).toBeUndefined();
    expect(dayOfTimestamp('31/07/2024')).toBeUndefined();
  });
});

describe('readText', () => {
  it('leaves labels out, collapses whitespace', () => {
    const doc = parsePage(`<div id="t"><span class="descriptor">Title:</span>\n  A   title\n</div>`);
    expect(readText(doc.getElementById('t'), '.descriptor')).toBe('A title');
  });

  it('reads math typeset by MathJax 2 back as its TeX, display math included', () => {
    const doc = parsePage(`<div id="t">Let <span class="MathJax_Preview"></span><span class="MathJax"><nobr>x²</nobr><span class="MJX_Assistive_MathML"><math><mi>x</mi></math></span></span><script type="math/tex">x^2</script> be
      <div class="MathJax_Display"><span class="MathJax">∑</span></div><script type="math/tex; mode=display">\\sum_i a_i</script></div>`);
    expect(readText(doc.getElementById('t'))).toBe('Let $x^2$ be $$\\sum_i a_i$$');
  });

  it('reads MathJax 3 output by its assistive MathML, and ignores scripts and styles', () => {
    const doc = parsePage(`<p id="t">Cost <mjx-container class="MathJax"><mjx-math>drawn</mjx-math><mjx-assistive-mml><math><mi>n</mi></math></mjx-assistive-mml></mjx-container> per <script>alert(1)</script><style>p{}</style>token</p>`);
    expect(readText(doc.getElementById('t'))).toBe('Cost n per token');
  });

  it('reads nothing from nothing', () => {
    expect(readText(null)).toBe('');
  });
});

describe('absoluteUrl', () => {
  it('resolves links against the page and keeps only http(s)', () => {
    expect(absoluteUrl('/pdf/2602.11156', 'https://export.arxiv.org/list/cs.CL/new')).toBe('https://export.arxiv.org/pdf/2602.11156');
    expect(absoluteUrl('https://arxiv.org/html/2602.11156v2', 'https://arxiv.org/')).toBe('https://arxiv.org/html/2602.11156v2');
    expect(absoluteUrl('javascript:alert(1)', 'https://arxiv.org/')).toBeUndefined();
    expect(absoluteUrl('http://[bad', 'https://arxiv.org/')).toBeUndefined();
    expect(absoluteUrl(null, 'https://arxiv.org/')).toBeUndefined();
  });
});
