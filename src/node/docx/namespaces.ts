/**
 * The namespace declarations on the root of the document, header and footer parts. Most are not used
 * by what the writer puts in them; they are the ones Word itself declares, and keeping them makes the
 * parts the same XML the report has always had (the golden copies in test/golden hold it).
 */
const COMMON: [string, string][] = [
  ['wpc', 'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas'],
  ['mc', 'http://schemas.openxmlformats.org/markup-compatibility/2006'],
  ['o', 'urn:schemas-microsoft-com:office:office'],
  ['r', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'],
  ['m', 'http://schemas.openxmlformats.org/officeDocument/2006/math'],
  ['v', 'urn:schemas-microsoft-com:vml'],
  ['wp14', 'http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing'],
  ['wp', 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing'],
  ['w10', 'urn:schemas-microsoft-com:office:word'],
  ['w', 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'],
  ['w14', 'http://schemas.microsoft.com/office/word/2010/wordml'],
  ['w15', 'http://schemas.microsoft.com/office/word/2012/wordml'],
  ['wpg', 'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup'],
  ['wpi', 'http://schemas.microsoft.com/office/word/2010/wordprocessingInk'],
  ['wne', 'http://schemas.microsoft.com/office/word/2006/wordml'],
  ['wps', 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape'],
];

const CHARTS: [string, string][] = [
  ['cx', 'http://schemas.microsoft.com/office/drawing/2014/chartex'],
  ...[
    '2015/9/8',
    '2015/10/21',
    '2016/5/9',
    '2016/5/10',
    '2016/5/11',
    '2016/5/12',
    '2016/5/13',
    '2016/5/14',
  ].map((date, i): [string, string] => [`cx${i + 1}`, `http://schemas.microsoft.com/office/drawing/${date}/chartex`]),
];

const W16CID: [string, string] = ['w16cid', 'http://schemas.microsoft.com/office/word/2016/wordml/cid'];
const W16SE: [string, string] = ['w16se', 'http://schemas.microsoft.com/office/word/2015/wordml/symex'];

const DOCUMENT: [string, string][] = [
  ...COMMON,
  ...CHARTS,
  ['aink', 'http://schemas.microsoft.com/office/drawing/2016/ink'],
  ['am3d', 'http://schemas.microsoft.com/office/drawing/2017/model3d'],
  ['w16cex', 'http://schemas.microsoft.com/office/word/2018/wordml/cex'],
  W16CID,
  ['w16', 'http://schemas.microsoft.com/office/word/2018/wordml'],
  ['w16sdtdh', 'http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash'],
  W16SE,
];

const declare = (list: [string, string][]) => list.map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`).join('');

export const DOCUMENT_ROOT = `<w:document mc:Ignorable="w14 w15 wp14"${declare(DOCUMENT)}>`;
export const HEADER_ROOT = `<w:hdr${declare([...COMMON, ...CHARTS, W16CID, W16SE])}>`;
export const FOOTER_ROOT = `<w:ftr${declare(COMMON)}>`;
