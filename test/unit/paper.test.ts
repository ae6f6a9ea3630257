import { describe, expect, it } from 'vitest';
import { PaperRefSchema } from '@/lib/messages';
import { identify, idLabel, isCanonicalId, MAX_ALIASES, MAX_ID_LENGTH, paperLinks, parseArxivId, parsePaperId } from '@/lib/paper';

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

describe('parsePaperId: every scheme, every form a page or a user shows', () => {
  it.each([
    // arXiv, through parseArxivId, and arXiv's DOI in every form (dblp writes it upper-case).
    ['arxiv:2504.06261', 'arxiv:2504.06261'],
    ['https://arxiv.org/abs/2504.06261v3', 'arxiv:2504.06261'],
    ['math.GT/0309136', 'arxiv:math/0309136'],
    ['10.48550/arXiv.2504.06261', 'arxiv:2504.06261'],
    ['https://doi.org/10.48550/ARXIV.2303.14702', 'arxiv:2303.14702'],
    ['doi:10.48550/arxiv.hep-th/9901001', 'arxiv:hep-th/9901001'],
    ['https://doi.org/10.48550/arXiv.2307.10774', 'arxiv:2307.10774'],
    // ACL Anthology: ids, pages, files, revisions, the old aclweb.org home, and its DOI.
    ['acl:2024.acl-long.1', 'acl:2024.acl-long.1'],
    ['acl:N04-1001', 'acl:N04-1001'],
    ['2021.naacl-main.208', 'acl:2021.naacl-main.208'],
    ['N04-1001', 'acl:N04-1001'],
    ['https://aclanthology.org/2021.naacl-main.208/', 'acl:2021.naacl-main.208'],
    ['https://aclanthology.org/2021.naacl-main.208', 'acl:2021.naacl-main.208'],
    ['https://aclanthology.org/2022.in2writing-1.1.pdf', 'acl:2022.in2writing-1.1'],
    ['https://aclanthology.org/2021.acl-long.1v2.pdf', 'acl:2021.acl-long.1'],
    ['https://aclanthology.org/W19-4201.bib', 'acl:W19-4201'],
    ['/N04-1001/', null], // a site-relative path names no site
    ['aclanthology.org/N04-1001/', 'acl:N04-1001'],
    ['https://www.aclweb.org/anthology/P19-1001/', 'acl:P19-1001'],
    ['https://www.aclweb.org/anthology/P19-1001.pdf', 'acl:P19-1001'],
    ['10.18653/v1/2021.naacl-main.208', 'acl:2021.naacl-main.208'],
    ['https://doi.org/10.18653/v1/2021.naacl-main.208', 'acl:2021.naacl-main.208'],
    ['http://dx.doi.org/10.18653/v1/P19-1001', 'acl:P19-1001'],
    ['doi:10.18653/V1/2024.ACL-LONG.1', 'acl:2024.acl-long.1'],
    // DOIs: lower-cased, no resolver, trailing punctuation trimmed, a bracket the DOI opened kept.
    ['10.1109/ESEM56168.2023.10304796', 'doi:10.1109/esem56168.2023.10304796'],
    ['doi:10.1145/3394171.3413938', 'doi:10.1145/3394171.3413938'],
    ['DOI: 10.1145/3394171.3413938', 'doi:10.1145/3394171.3413938'],
    ['https://doi.org/10.1109/ESEM56168.2023.10304796', 'doi:10.1109/esem56168.2023.10304796'],
    ['http://dx.doi.org/10.1002/jqs.691', 'doi:10.1002/jqs.691'],
    ['https://www.doi.org/10.1002/jqs.691', 'doi:10.1002/jqs.691'],
    ['doi.org/10.1002/jqs.691', 'doi:10.1002/jqs.691'],
    ['info:doi/10.1109%2FESEM56168.2023.10304796', 'doi:10.1109/esem56168.2023.10304796'],
    ['https://doi.org/10.1109%2FESEM56168.2023.10304796', 'doi:10.1109/esem56168.2023.10304796'],
    ['10.1002/jqs.691.', 'doi:10.1002/jqs.691'],
    ['10.1002/jqs.691);', 'doi:10.1002/jqs.691'],
    ['10.1016/0370-2693(82)90180-7', 'doi:10.1016/0370-2693(82)90180-7'],
    ['(10.1016/0370-2693(82)90180-7)'.slice(1), 'doi:10.1016/0370-2693(82)90180-7'],
    ['10.1002/(SICI)1097-4628(19960404)60:1<1::AID-APP1>3.0.CO;2-Y', null], // angle brackets end a DOI in text
    ['doi:10.1000/182', 'doi:10.1000/182'],
    // DOIs inside publisher URLs.
    ['https://dl.acm.org/doi/10.1145/3394171.3413938', 'doi:10.1145/3394171.3413938'],
    ['https://dl.acm.org/doi/abs/10.1145/3394171.3413938', 'doi:10.1145/3394171.3413938'],
    ['https://dl.acm.org/doi/pdf/10.1145/3394171.3413938', 'doi:10.1145/3394171.3413938'],
    ['https://link.springer.com/article/10.1007/s10664-021-10031-1', 'doi:10.1007/s10664-021-10031-1'],
    ['https://link.springer.com/chapter/10.1007/978-3-030-58452-8_13', 'doi:10.1007/978-3-030-58452-8_13'],
    ['https://link.springer.com/content/pdf/10.1007/978-3-030-58452-8_13.pdf', 'doi:10.1007/978-3-030-58452-8_13'],
    ['https://onlinelibrary.wiley.com/doi/abs/10.1002/jqs.691', 'doi:10.1002/jqs.691'],
    ['https://onlinelibrary.wiley.com/doi/full/10.1002/jqs.691', 'doi:10.1002/jqs.691'],
    ['https://www.tandfonline.com/doi/abs/10.1080/00268976.2013.788745', 'doi:10.1080/00268976.2013.788745'],
    ['https://journals.aps.org/prl/abstract/10.1103/PhysRevLett.122.145901', 'doi:10.1103/physrevlett.122.145901'],
    ['https://iopscience.iop.org/article/10.1088/1367-2630/ab007b', 'doi:10.1088/1367-2630/ab007b'],
    ['https://www.nature.com/articles/nature14539', 'doi:10.1038/nature14539'],
    // OpenReview forums: the paper itself, case kept.
    ['openreview:SyBPtQfAZ', 'openreview:SyBPtQfAZ'],
    ['https://openreview.net/forum?id=SyBPtQfAZ', 'openreview:SyBPtQfAZ'],
    ['https://openreview.net/forum?id=H1S8UE-Rb', 'openreview:H1S8UE-Rb'],
    ['https://openreview.net/forum?id=H1S8UE-Rb&noteId=H1S8UE-Rb', 'openreview:H1S8UE-Rb'],
    ['openreview.net/forum?id=ZTcxp9xYr2', 'openreview:ZTcxp9xYr2'],
    // CVF open access: every URL layout gives the same stem.
    ['cvf:He_Deep_Residual_Learning_CVPR_2016', 'cvf:He_Deep_Residual_Learning_CVPR_2016'],
    ['https://openaccess.thecvf.com/content_cvpr_2016/html/He_Deep_Residual_Learning_CVPR_2016_paper.html', 'cvf:He_Deep_Residual_Learning_CVPR_2016'],
    ['https://openaccess.thecvf.com/content_cvpr_2016/papers/He_Deep_Residual_Learning_CVPR_2016_paper.pdf', 'cvf:He_Deep_Residual_Learning_CVPR_2016'],
    ['https://openaccess.thecvf.com/content/CVPR2024/html/Yue_Object_Recognition_as_Next_Token_Prediction_CVPR_2024_paper.html', 'cvf:Yue_Object_Recognition_as_Next_Token_Prediction_CVPR_2024'],
    ['https://openaccess.thecvf.com/content/CVPR2024W/ABAW/html/Kim_A_Study_CVPRW_2024_paper.html', 'cvf:Kim_A_Study_CVPRW_2024'],
    ['http://www.cv-foundation.org/openaccess/content_iccv_2015/html/Malinowski_Ask_Your_Neurons_ICCV_2015_paper.html', 'cvf:Malinowski_Ask_Your_Neurons_ICCV_2015'],
    ['https://openaccess.thecvf.com/content_cvpr_2013/papers/Akata_Label-Embedding_for_Attribute-Based_2013_CVPR_paper.pdf', 'cvf:Akata_Label-Embedding_for_Attribute-Based_2013_CVPR'],
    // Site-native keys, case kept.
    ['dblp:conf/esem/CalefatoQLK23', 'dblp:conf/esem/CalefatoQLK23'],
    ['dblp:journals/corr/abs-2303-14702', 'dblp:journals/corr/abs-2303-14702'],
    ['dblp:books/sp/22/LazaroAFCGGCCVFHSPS22', 'dblp:books/sp/22/LazaroAFCGGCCVFHSPS22'],
    ['scholar:4qAC3XBmStsJ', 'scholar:4qAC3XBmStsJ'],
    ['scholar:cXeT3ShOpHEJ', 'scholar:cXeT3ShOpHEJ'],
    // The link forms a page links papers by (issue 12): alphaXiv and Hugging Face are arXiv's,
    // bioRxiv and medRxiv are their DOIs (every version and view), PubMed and Semantic Scholar their own ids.
    ['https://www.alphaxiv.org/abs/2504.06261', 'arxiv:2504.06261'],
    ['https://www.alphaxiv.org/overview/2504.06261v2', 'arxiv:2504.06261'],
    ['https://huggingface.co/papers/2504.06261', 'arxiv:2504.06261'],
    ['https://www.biorxiv.org/content/10.1101/2020.03.05.979302v1', 'doi:10.1101/2020.03.05.979302'],
    ['https://www.biorxiv.org/content/10.1101/2020.03.05.979302v2.full.pdf', 'doi:10.1101/2020.03.05.979302'],
    ['https://www.biorxiv.org/content/10.1101/2020.03.05.979302v3.full-text', 'doi:10.1101/2020.03.05.979302'],
    ['https://biorxiv.org/content/10.1101/123456v1.abstract', 'doi:10.1101/123456'],
    ['https://www.medrxiv.org/content/10.1101/2020.04.14.20062463v2', 'doi:10.1101/2020.04.14.20062463'],
    ['https://doi.org/10.1101/2020.03.05.979302', 'doi:10.1101/2020.03.05.979302'],
    ['https://pubmed.ncbi.nlm.nih.gov/31452104/', 'pubmed:31452104'],
    ['https://pubmed.ncbi.nlm.nih.gov/31452104', 'pubmed:31452104'],
    ['https://www.ncbi.nlm.nih.gov/pubmed/31452104', 'pubmed:31452104'],
    ['pubmed:31452104', 'pubmed:31452104'],
    ['PMID:31452104', 'pubmed:31452104'],
    ['https://www.semanticscholar.org/paper/Attention-is-All-you-Need-Vaswani-Shazeer/204e3073870fae3d05bcbc2f6a8e263d9b72e776', 's2:204e3073870fae3d05bcbc2f6a8e263d9b72e776'],
    ['https://www.semanticscholar.org/paper/204E3073870FAE3D05BCBC2F6A8E263D9B72E776', 's2:204e3073870fae3d05bcbc2f6a8e263d9b72e776'],
    ['https://www.semanticscholar.org/arxiv/1706.03762', 'arxiv:1706.03762'],
    ['s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776', 's2:204e3073870fae3d05bcbc2f6a8e263d9b72e776'],
  ])('%s → %s', (input, id) => {
    expect(parsePaperId(input)).toBe(id);
  });
});

describe('parsePaperId: what looks like an id but is not one', () => {
  it.each([
    'see doi:10.1145/3394171.3413938', // a DOI-shaped string in running text
    'DOI 10.1145/3394171.3413938 (published version)',
    'Accepted at ACL 2024. DOI: 10.18653/v1/2024.acl-long.1',
    '10.1145',
    '10.1/x', // registrants have four to nine digits
    '10.12345/',
    '11.1145/3394171.3413938',
    'doi:',
    'https://doi.org/',
    'https://doi.org/10.1145/has space',
    'https://openreview.net/pdf?id=SyBPtQfAZ', // a PDF link may be any note's: not an identity
    'https://openreview.net/forum?id=SyBPtQfAZ&noteId=Bk1eb3zlf', // a reply in the forum, not the paper
    'https://openreview.net/forum', // no id
    'https://openreview.net/group?id=ICLR.cc/2018/Conference',
    'https://openreview.net/forum?id=a b',
    'https://openreview.net.evil.example/forum?id=SyBPtQfAZ',
    'openreview:ab', // too short to be a note id
    'OPENREVIEW:SyBPtQfAZ', // the scheme is written in lower case
    'https://aclanthology.org/volumes/2024.acl-long/', // a volume, not a paper
    'https://aclanthology.org/events/acl-2024/',
    'https://aclanthology.org/people/andreas-madsack/',
    'https://aclanthology.org/2024.acl-long/',
    'https://aclanthology.org/2024.acl-long.1/extra',
    'acl:2024.acl-long', // a volume id
    'acl:N04-100',
    'acl:0999.acl-long.1', // before the Anthology's years
    'https://www.aclweb.org/P19-1001/', // aclweb.org served papers under /anthology/ only
    'https://openaccess.thecvf.com/CVPR2024', // a listing
    'https://openaccess.thecvf.com/content/CVPR2024/supplemental/Yue_Object_CVPR_2024_supplemental.pdf',
    'https://openaccess.thecvf.com/content/CVPR2024/html/Untitled.html',
    'cvf:CVPR2024/Yue_Object', // no year at the end of the stem
    'https://dblp.org/rec/conf/esem/CalefatoQLK23.html', // dblp pages are read by the dblp adapter, not guessed
    'dblp:Calefato', // one segment is no dblp key
    'scholar:short',
    'scholar:has space here',
    'https://scholar.google.com/scholar?cluster=8188755959889491825',
    'https://dl.acm.org/doi/', // a publisher URL without a DOI
    'https://ieeexplore.ieee.org/document/10304796',
    'https://www.sciencedirect.com/science/article/pii/S0921818199000594',
    'https://user@doi.org/10.1145/3394171.3413938',
    'ftp://doi.org/10.1145/3394171.3413938',
    'javascript:alert(1)',
    'https://example.com/',
    'not a url at all',
    'x'.repeat(10_000),
    'https://www.alphaxiv.org/explore', // alphaXiv's listings
    'https://huggingface.co/papers?date=2024-08-01', // a daily list, not a paper
    'https://huggingface.co/papers/trending',
    'https://www.biorxiv.org/content/early/recent', // bioRxiv's listings and collections
    'https://www.biorxiv.org/collection/neuroscience',
    'https://www.biorxiv.org/content/10.1101/2020.03.05.979302v1.full.pdf+html?x', // not one of its file forms
    'https://www.biorxiv.org.evil.example/content/10.1101/2020.03.05.979302v1',
    'https://pubmed.ncbi.nlm.nih.gov/?term=transformers', // a search
    'https://pubmed.ncbi.nlm.nih.gov/0123/', // no PMID starts with 0
    'https://pubmed.ncbi.nlm.nih.gov/1234567890/', // nor has ten digits
    'https://www.ncbi.nlm.nih.gov/gene/7157', // another NCBI database
    'pubmed:abc',
    'https://www.semanticscholar.org/author/Ashish-Vaswani/40348417', // an author
    'https://www.semanticscholar.org/paper/Attention-is-All-you-Need', // a slug without its id
    'https://www.semanticscholar.org/search?q=attention',
    's2:204e3073', // too short
    'S2:204e3073870fae3d05bcbc2f6a8e263d9b72e776', // the scheme is written in lower case
  ])('rejects %j', (input) => {
    expect(parsePaperId(input)).toBeNull();
  });
});

describe('identify: one paper from every id a card shows', () => {
  it.each([
    // [candidates, id, aliases]
    [['dblp:conf/esem/CalefatoQLK23', 'https://doi.org/10.1109/ESEM56168.2023.10304796'], 'doi:10.1109/esem56168.2023.10304796', ['dblp:conf/esem/CalefatoQLK23']],
    [['https://doi.org/10.1145/1', 'https://arxiv.org/abs/2303.14702', 'dblp:journals/x/Y23'], 'arxiv:2303.14702', ['doi:10.1145/1', 'dblp:journals/x/Y23']],
    [['https://doi.org/10.48550/arXiv.2303.14702', 'dblp:journals/corr/abs-2303-14702'], 'arxiv:2303.14702', ['dblp:journals/corr/abs-2303-14702']],
    [['scholar:cXeT3ShOpHEJ', 'https://openreview.net/forum?id=SyBPtQfAZ'], 'openreview:SyBPtQfAZ', ['scholar:cXeT3ShOpHEJ']],
    [['cvf:Malinowski_Ask_Your_Neurons_ICCV_2015', 'http://arxiv.org/abs/1505.01121'], 'arxiv:1505.01121', ['cvf:Malinowski_Ask_Your_Neurons_ICCV_2015']],
    [['scholar:cXeT3ShOpHEJ', 'https://openaccess.thecvf.com/content/CVPR2024/html/Yue_Object_CVPR_2024_paper.html'], 'cvf:Yue_Object_CVPR_2024', ['scholar:cXeT3ShOpHEJ']],
    [['https://aclanthology.org/2021.naacl-main.208/', 'https://doi.org/10.18653/v1/2021.naacl-main.208'], 'acl:2021.naacl-main.208', []],
    [['https://doi.org/10.1/x', null, undefined, '', 'scholar:cXeT3ShOpHEJ'], 'scholar:cXeT3ShOpHEJ', []],
  ] as const)('%j', (candidates, id, aliases) => {
    expect(identify(candidates)).toEqual({ id, aliases });
  });

  it('finds nothing where no candidate is an id', () => {
    expect(identify([])).toBeNull();
    expect(identify(['https://example.com/', 'see 10.1145/1234567', null])).toBeNull();
  });

  it(`keeps at most ${MAX_ALIASES} aliases`, () => {
    const many = Array.from({ length: 50 }, (_, i) => `https://doi.org/10.1000/${i}`);
    expect(identify(many)!.aliases).toHaveLength(MAX_ALIASES);
  });
});

describe('isCanonicalId, every scheme', () => {
  it.each([
    'acl:2024.acl-long.1', 'acl:N04-1001', 'doi:10.1145/3394171.3413938', 'openreview:SyBPtQfAZ',
    'cvf:He_Deep_Residual_Learning_CVPR_2016', 'dblp:conf/esem/CalefatoQLK23', 'scholar:4qAC3XBmStsJ',
    'pubmed:31452104', 's2:204e3073870fae3d05bcbc2f6a8e263d9b72e776', 'doi:10.1101/2020.03.05.979302',
  ])('accepts %s', (id) => {
    expect(isCanonicalId(id)).toBe(true);
  });
  it.each([
    'doi:10.1145/ABC', // not lower-cased
    'doi:10.48550/arxiv.2504.06261', // arXiv's DOI is written as the arXiv id
    'doi:10.18653/v1/2024.acl-long.1', // the Anthology's DOI is written as the ACL id
    'doi:https://doi.org/10.1145/1',
    'acl:n04-1001',
    'acl:2024.ACL-long.1',
    'openreview:https://openreview.net/forum?id=SyBPtQfAZ',
    'scholar:',
    'other:thing',
    'pmid:31452104', // written as pubmed:
    's2:204E3073870FAE3D05BCBC2F6A8E263D9B72E776', // not lower-cased
  ])('rejects %s', (id) => {
    expect(isCanonicalId(id)).toBe(false);
  });
});

describe('paperLinks and idLabel', () => {
  it('give each scheme its standard pages and a readable name', () => {
    expect(paperLinks('acl:2024.acl-long.1')).toEqual({ abs: 'https://aclanthology.org/2024.acl-long.1/', pdf: 'https://aclanthology.org/2024.acl-long.1.pdf' });
    expect(paperLinks('doi:10.1145/3394171.3413938')).toEqual({ abs: 'https://doi.org/10.1145/3394171.3413938' });
    expect(paperLinks('openreview:SyBPtQfAZ')).toEqual({ abs: 'https://openreview.net/forum?id=SyBPtQfAZ', pdf: 'https://openreview.net/pdf?id=SyBPtQfAZ' });
    expect(paperLinks('dblp:conf/esem/CalefatoQLK23')).toEqual({ abs: 'https://dblp.org/rec/conf/esem/CalefatoQLK23.html' });
    // A cluster id is the base64url of its number, little-endian (Python: struct.unpack('<Q', b64decode(cid)[:8])).
    expect(paperLinks('scholar:4qAC3XBmStsJ')).toEqual({ abs: 'https://scholar.google.com/scholar?cluster=15801554877513113826' });
    expect(paperLinks('scholar:cXeT3ShOpHEJ')).toEqual({ abs: 'https://scholar.google.com/scholar?cluster=8188755959889491825' });
    expect(paperLinks('arxiv:2504.06261').abs).toBe('https://arxiv.org/abs/2504.06261');
    expect(idLabel('arxiv:2504.06261')).toBe('arXiv:2504.06261');
    expect(idLabel('acl:N04-1001')).toBe('ACL N04-1001');
    expect(idLabel('doi:10.1145/1')).toBe('DOI 10.1145/1');
    expect(paperLinks('pubmed:31452104')).toEqual({ abs: 'https://pubmed.ncbi.nlm.nih.gov/31452104/' });
    expect(paperLinks('s2:204e3073870fae3d05bcbc2f6a8e263d9b72e776')).toEqual({ abs: 'https://www.semanticscholar.org/paper/204e3073870fae3d05bcbc2f6a8e263d9b72e776' });
    expect(idLabel('pubmed:31452104')).toBe('PMID 31452104');
  });
});

describe('ids fit the message protocol', () => {
  it(`accepts a DOI up to ${MAX_ID_LENGTH} characters as an id, and no longer one`, () => {
    const long = (n: number) => `10.1000/${'x'.repeat(n - 'doi:10.1000/'.length)}`;
    expect(parsePaperId(long(MAX_ID_LENGTH))).toHaveLength(MAX_ID_LENGTH);
    expect(isCanonicalId(parsePaperId(long(MAX_ID_LENGTH))!)).toBe(true);
    expect(parsePaperId(long(MAX_ID_LENGTH + 1))).toBeNull();
    expect(PaperRefSchema.safeParse({ id: parsePaperId(long(MAX_ID_LENGTH)), title: 'Long DOI' }).success).toBe(true);
  });
});
