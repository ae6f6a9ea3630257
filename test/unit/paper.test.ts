import { describe, expect, it } from 'vitest';
import { isCanonicalId, parseArxivId } from '@/lib/paper';

describe('parseArxivId: every form a user meets', () => {
  it.each([
    // [input, canonical id, version]
    ['2504.06261', 'arxiv:2504.06261', undefined],
    ['2504.06261v3', 'arxiv:2504.06261', 3],
    ['arXiv:2504.06261', 'arxiv:2504.06261', undefined],
    ['arxiv:2504.06261v12', 'arxiv:2504.06261', 12],
    ['ARXIV: 2504.06261', 'arxiv:2504.06261', undefined],
    ['  2504.06261  ', 'arxiv:2504.06261', undefined],
    ['https://arxiv.org/abs/2504.06261v3', 'arxiv:2504.06261', 3],
    ['https://arxiv.org/abs/2504.06261', 'arxiv:2504.06261', undefined],
    ['http://arxiv.org/abs/2504.06261', 'arxiv:2504.06261', undefined],
    ['https://www.arxiv.org/abs/2504.06261', 'arxiv:2504.06261', undefined],
    ['https://export.arxiv.org/abs/2504.06261v2', 'arxiv:2504.06261', 2],
    ['https://arxiv.org/pdf/2504.06261v3', 'arxiv:2504.06261', 3],
    ['https://arxiv.org/pdf/2504.06261.pdf', 'arxiv:2504.06261', undefined],
    ['https://arxiv.org/pdf/2504.06261v1.pdf', 'arxiv:2504.06261', 1],
    ['/pdf/2504.06261v3', 'arxiv:2504.06261', 3],
    ['/pdf/2504.06261.pdf', 'arxiv:2504.06261', undefined],
    ['/abs/2504.06261', 'arxiv:2504.06261', undefined],
    ['/html/2504.06261v1', 'arxiv:2504.06261', 1],
    ['https://arxiv.org/html/2504.06261v1/', 'arxiv:2504.06261', 1],
    ['https://arxiv.org/html/2504.06261v1#S3', 'arxiv:2504.06261', 1],
    ['https://arxiv.org/abs/2504.06261?context=cs', 'arxiv:2504.06261', undefined],
    ['https://huggingface.co/papers/2504.06261', 'arxiv:2504.06261', undefined],
    ['https://huggingface.co/papers/2504.06261#community', 'arxiv:2504.06261', undefined],
    ['https://www.alphaxiv.org/abs/2504.06261', 'arxiv:2504.06261', undefined],
    ['https://alphaxiv.org/abs/2504.06261v2', 'arxiv:2504.06261', 2],
    // Four-digit numbers before 2015.
    ['0704.0001', 'arxiv:0704.0001', undefined],
    ['1412.6980', 'arxiv:1412.6980', undefined],
    ['1412.6980v9', 'arxiv:1412.6980', 9],
    ['1501.00001', 'arxiv:1501.00001', undefined],
    // Old-style ids: archive kept lower-cased, subject class dropped, never split on "v".
    ['hep-th/9901001', 'arxiv:hep-th/9901001', undefined],
    ['hep-th/9901001v2', 'arxiv:hep-th/9901001', 2],
    ['math.GT/0309136', 'arxiv:math/0309136', undefined],
    ['math.GT/0309136v1', 'arxiv:math/0309136', 1],
    ['solv-int/9901001', 'arxiv:solv-int/9901001', undefined],
    ['solv-int/9901001v1', 'arxiv:solv-int/9901001', 1],
    ['HEP-TH/9901001', 'arxiv:hep-th/9901001', undefined],
    ['cs.AI/0101001', 'arxiv:cs/0101001', undefined],
    ['arXiv:hep-th/9901001', 'arxiv:hep-th/9901001', undefined],
    ['https://arxiv.org/abs/hep-th/9901001v3', 'arxiv:hep-th/9901001', 3],
    ['https://arxiv.org/pdf/math/0309136', 'arxiv:math/0309136', undefined],
    ['/abs/solv-int/9901001', 'arxiv:solv-int/9901001', undefined],
    ['https://arxiv.org/pdf/hep-th/9901001v2.pdf', 'arxiv:hep-th/9901001', 2],
    ['https://export.arxiv.org/abs/math.GT/0309136v2', 'arxiv:math/0309136', 2],
    ['Math.gt/0309136', 'arxiv:math/0309136', undefined],
    ['SOLV-INT/9901001v3', 'arxiv:solv-int/9901001', 3],
    ['quant-ph/0703001', 'arxiv:quant-ph/0703001', undefined], // March 2007, the last old-style month
    ['https://huggingface.co/papers/1412.6980', 'arxiv:1412.6980', undefined],
    // Every host arXiv serves from, and the same links pasted without their scheme.
    ['https://www.arxiv.org/pdf/2504.06261v3', 'arxiv:2504.06261', 3],
    ['https://export.arxiv.org/html/2504.06261v2/', 'arxiv:2504.06261', 2],
    ['https://arxiv.org/html/2504.06261v1/index.html', 'arxiv:2504.06261', 1],
    ['https://arxiv.org/html/2504.06261v2/x1.png', 'arxiv:2504.06261', 2],
    ['https://arxiv.org/format/2504.06261', 'arxiv:2504.06261', undefined],
    ['https://ARXIV.ORG/abs/2504.06261', 'arxiv:2504.06261', undefined],
    ['arxiv.org/abs/2504.06261', 'arxiv:2504.06261', undefined],
    ['arxiv.org/abs/2504.06261?context=cs', 'arxiv:2504.06261', undefined],
    ['www.arxiv.org/pdf/2504.06261v2.pdf', 'arxiv:2504.06261', 2],
    ['export.arxiv.org/abs/hep-th/9901001', 'arxiv:hep-th/9901001', undefined],
    ['huggingface.co/papers/2504.06261', 'arxiv:2504.06261', undefined],
    ['https://www.huggingface.co/papers/2504.06261', 'arxiv:2504.06261', undefined],
    ['www.alphaxiv.org/abs/2504.06261', 'arxiv:2504.06261', undefined],
    ['https://www.alphaxiv.org/overview/2504.06261v1', 'arxiv:2504.06261', 1],
    ['https://ar5iv.labs.arxiv.org/html/2504.06261', 'arxiv:2504.06261', undefined],
    ['https://ar5iv.org/abs/hep-th/9901001', 'arxiv:hep-th/9901001', undefined],
    // arXiv's own DOI and the "Cite as" form of an abstract page.
    ['10.48550/arXiv.2504.06261', 'arxiv:2504.06261', undefined],
    ['https://doi.org/10.48550/arXiv.2504.06261', 'arxiv:2504.06261', undefined],
    ['arXiv:2602.11156 [cs.CL]', 'arxiv:2602.11156', undefined],
    ['arXiv:2602.11156v1 [cs.CL]', 'arxiv:2602.11156', 1],
    ['arXiv:hep-th/9901001 [hep-th]', 'arxiv:hep-th/9901001', undefined],
  ])('%s → %s', (input, id, version) => {
    const parsed = parseArxivId(input);
    expect(parsed).not.toBeNull();
    expect(parsed!.id).toBe(id);
    expect(parsed!.version).toBe(version);
  });
});

describe('parseArxivId: near misses are rejected, not guessed', () => {
  it.each([
    '',
    '   ',
    '2504.0626', // five-digit era, four digits
    '1412.69801', // four-digit era, five digits
    '0703.0001', // before new-style ids began
    '2513.06261', // month 13
    '2500.06261', // month 00
    '2504.06261v', // dangling v
    '2504.06261vx',
    '2504,06261',
    '12504.06261',
    'arxiv:',
    'foo/9901001', // not an archive
    'cond-mat.stat-mech/0601001', // subject classes in old ids are two letters (math.GT, cs.AI)
    'hep-th/990100', // six digits
    'hep-th/99010011',
    'hep-th/9913001', // month 13
    'hep-th/1501001', // old-style ids ended in 2007
    'https://example.com/abs/2504.06261',
    'https://arxiv.org.evil.example/abs/2504.06261',
    'https://arxiv.org/list/cs.CL/recent',
    'https://huggingface.co/papers',
    'https://huggingface.co/papers/2504.06261/extra',
    'https://huggingface.co/models/2504.06261',
    'doi:10.1000/182',
    'javascript:alert(1)',
    '2504.06261 2504.06262',
    'x'.repeat(10_000),
    '2504.06261v0', // versions start at 1
    '2504.06261v01',
    '2504.00000', // numbers start at 1
    '0704.0000',
    'hep-th/9901000',
    'hep-th/0704001', // old-style ids ended in March 2007
    'math.GTX/0309136',
    'math..GT/0309136',
    'v2504.06261',
    '2504.06261.pdf', // a file name is not an id
    'arXiv:2504.06261 [cs.CL] extra',
    'arXiv 2504.06261',
    'https://arxiv.org/abs/',
    'https://arxiv.org/abs/2504.06261/extra/more',
    'https://arxiv.org/abs/2504.06261/extra',
    'https://arxiv.org/pdf/2504.06261/extra',
    'https://arxiv.org/pdf/2504.06261.pdf.exe',
    'https://arxiv.org/list/2504.06261',
    'https://arxiv.org/abs/2504.06261v2v3',
    'https://huggingface.co/papers/2504.06261/community',
    'https://huggingface.co/datasets/2504.06261',
    'https://doi.org/10.1145/3773274.3774931',
    'https://doi.org/10.48550/arXiv.notanid',
    '10.48550/arXiv.',
    'example.com/abs/2504.06261',
    'notarxiv.org/abs/2504.06261',
    'arxiv.org.evil.example/abs/2504.06261',
    'ftp://arxiv.org/abs/2504.06261',
    'https://user@evil.example/arxiv.org/abs/2504.06261',
  ])('rejects %j', (input) => {
    expect(parseArxivId(input)).toBeNull();
  });
});

describe('isCanonicalId', () => {
  it.each(['arxiv:2504.06261', 'arxiv:hep-th/9901001', 'arxiv:0704.0001'])('accepts %s', (id) => {
    expect(isCanonicalId(id)).toBe(true);
  });
  it.each(['2504.06261', 'arxiv:2504.06261v2', 'arxiv:math.GT/0309136', 'arxiv:HEP-TH/9901001', 'arxiv:', 'doi:10.1/x', ''])(
    'rejects %s',
    (id) => {
      expect(isCanonicalId(id)).toBe(false);
    },
  );
});
