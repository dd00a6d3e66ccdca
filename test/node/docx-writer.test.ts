import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Paragraph, ReportDocument } from '../../src/core/document/model';
import { columnWidthsTwips, lineSpacingToLine, mmToTwips, ptToHalfPoints, renderDocx } from '../../src/node/docx-writer';
import { para, sampleReport } from './sample-report';

interface Parts {
  document: string;
  styles: string;
  /** Header part XML by relationship type ('default', 'first'). */
  headers: Record<string, string>;
}

/** Opens the .docx and returns the XML parts the tests look at. */
async function parts(doc: ReportDocument): Promise<Parts> {
  const zip = await JSZip.loadAsync(await renderDocx(doc));
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`missing part ${name}`);
    return file.async('string');
  };
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const headers: Record<string, string> = {};
  for (const [, type, id] of document.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
    headers[type] = await read(`word/${target?.[1] ?? target?.[2]}`);
  }
  return { document, styles: await read('word/styles.xml'), headers };
}

/** The XML of every <w:p> whose text contains `text`. */
function paragraphsWith(xml: string, text: string): string[] {
  return [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs)].map((m) => m[0]).filter((p) => p.includes(text));
}

function onlyBody(body: ReportDocument['body']): ReportDocument {
  return { ...sampleReport(), body };
}

describe('unit conversions', () => {
  it('converts millimetres to twips as Word does for A4', () => {
    expect(mmToTwips(210)).toBe(11906);
    expect(mmToTwips(297)).toBe(16838);
    expect(mmToTwips(25.4)).toBe(1440);
  });

  it('converts points to half-points and line multiples to 240ths', () => {
    expect(ptToHalfPoints(13)).toBe(26);
    expect(ptToHalfPoints(13.5)).toBe(27);
    expect(lineSpacingToLine(1.5)).toBe(360);
  });

  it('splits the text width by percentages without losing a twip to rounding', () => {
    const widths = columnWidthsTwips([33.3, 33.3, 33.4], 9354);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9354);
    expect(widths[0]).toBe(3115);
  });
});

describe('renderDocx', () => {
  it('writes an A4 portrait page with the margins in twips', async () => {
    const { document } = await parts(sampleReport());
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // top/bottom 20 mm = 1134, left 30 mm = 1701, right 15 mm = 850
    expect(document).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
  });

  it('makes Times New Roman at the page size the default in every font slot', async () => {
    const { styles } = await parts(sampleReport());
    const defaults = /<w:rPrDefault>.*?<\/w:rPrDefault>/s.exec(styles)?.[0] ?? '';
    for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(defaults).toContain(`w:${slot}="Times New Roman"`);
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toContain('<w:szCs w:val="28"/>');
    // No inherited spacing surprises: paragraphs start from zero spacing and single lines.
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:spacing w:after="0" w:before="0" w:line="240" w:lineRule="auto"\/>/);
  });

  it('writes body paragraphs justified with first-line indent, spacing and line spacing', async () => {
    const { document } = await parts(sampleReport(1));
    const [body] = paragraphsWith(document, '1. Năm 2023');
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toContain('<w:ind w:firstLine="720"/>'); // 12.7 mm
    expect(body).toContain('<w:spacing w:after="120" w:line="276" w:lineRule="auto"/>'); // 6 pt, 1.15
  });

  it('draws a short rule as a bottom border between left and right indents', async () => {
    const rule: Paragraph = { type: 'paragraph', style: { borderBelow: true, leftIndentMm: 20, rightIndentMm: 20 }, runs: [] };
    const { document } = await parts(onlyBody([rule]));
    expect(document).toMatch(/<w:pBdr><w:bottom w:val="single" w:color="000000" w:sz="4" w:space="1"\/><\/w:pBdr>/);
    expect(document).toContain('<w:ind w:left="1134" w:right="1134"/>');
  });

  it('writes layout tables without any visible border, at the text width split by percentages', async () => {
    const { document } = await parts(onlyBody([sampleReport().body[0]]));
    const tblBorders = /<w:tblBorders>(.*?)<\/w:tblBorders>/s.exec(document)?.[1] ?? '';
    expect(tblBorders.match(/w:val="none"/g)).toHaveLength(6);
    const cellBorders = [...document.matchAll(/<w:tcBorders>(.*?)<\/w:tcBorders>/gs)].map((m) => m[1]);
    expect(cellBorders).toHaveLength(2);
    for (const b of cellBorders) expect(b).not.toMatch(/w:val="(?!none)/);
    expect(document).toContain('<w:tblW w:type="dxa" w:w="9354"/>'); // 210 - 30 - 15 = 165 mm
    expect(document).toContain('<w:gridCol w:w="3742"/><w:gridCol w:w="5612"/>'); // 40 % / 60 %
    expect(document).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('writes bordered tables with single borders', async () => {
    const table = { type: 'table' as const, borders: true, columnWidthsPct: [100], rows: [{ cells: [{ blocks: [para('x')] }] }] };
    const { document } = await parts(onlyBody([table]));
    const tblBorders = /<w:tblBorders>(.*?)<\/w:tblBorders>/s.exec(document)?.[1] ?? '';
    expect(tblBorders.match(/w:val="single"/g)).toHaveLength(6);
  });

  it('gives an empty cell the paragraph the schema requires', async () => {
    const table = { type: 'table' as const, borders: false, columnWidthsPct: [100], rows: [{ cells: [{ blocks: [] }] }] };
    const { document } = await parts(onlyBody([table]));
    expect(document).toMatch(/<\/w:tcPr><w:p\/><\/w:tc>/);
  });

  it('sets a different first page with an empty header and a PAGE field in the default header', async () => {
    const { document, headers } = await parts(sampleReport());
    expect(document).toContain('<w:titlePg/>');
    expect(headers.default).toContain('<w:fldChar w:fldCharType="begin"/>');
    expect(headers.default).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    expect(headers.default).toContain('<w:jc w:val="center"/>');
    expect(headers.first).toMatch(/<w:hdr [^>]*><w:p\/><\/w:hdr>$/);
  });

  it('leaves out the first-page header when the document has none of its own', async () => {
    const { document, headers } = await parts({ ...sampleReport(), titlePage: false });
    expect(document).not.toContain('<w:titlePg/>');
    expect(Object.keys(headers)).toEqual(['default']);
  });

  it('turns \\n into line breaks and keeps bold, italic, underline and size per run', async () => {
    const p: Paragraph = {
      type: 'paragraph',
      style: { run: { italic: true, sizePt: 12 } },
      runs: [
        { type: 'text', text: 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', bold: true },
        { type: 'text', text: 'gạch', underline: true, italic: false },
      ],
    };
    const { document } = await parts(onlyBody([p]));
    const [xml] = paragraphsWith(document, 'CHỦ TỊCH');
    expect(xml).toMatch(/<w:t xml:space="preserve">TM. ỦY BAN NHÂN DÂN<\/w:t><\/w:r><w:r>.*?<w:br\/><w:t xml:space="preserve">CHỦ TỊCH<\/w:t>/s);
    // Paragraph default italic 12 pt, run's own bold on top.
    expect(xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/><w:i\/><w:iCs\/><w:sz w:val="24"\/>/);
    // The run's own italic=false wins over the paragraph's italic.
    const own = /<w:r><w:rPr>((?:(?!<w:r>).)*?)<\/w:rPr><w:t xml:space="preserve">gạch/s.exec(xml)?.[1];
    expect(own).toContain('<w:i w:val="false"/>');
    expect(own).toContain('<w:u w:val="single"/>');
    expect(own).toContain('<w:sz w:val="24"/>');
    expect(own).not.toContain('<w:b/>');
  });

  it('keeps Vietnamese text intact (NFC) in the XML', async () => {
    const { document } = await parts(sampleReport());
    expect(document).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'.normalize('NFC'));
    expect(document).toContain('Độc lập - Tự do - Hạnh phúc');
  });

  it('escapes markup in text and drops the control characters XML cannot hold', async () => {
    const { document } = await parts(onlyBody([para('a < b & c > "d" \'e\'\u0001\u000b\tf')]));
    expect(document).toContain('<w:t xml:space="preserve">a &lt; b &amp; c &gt; &quot;d&quot; &apos;e&apos;\tf</w:t>');
  });

  it('writes a package whose every part has a content type and every relationship a part', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(sampleReport()));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]);
    for (const part of overrides) expect(names).toContain(part);
    for (const name of names) {
      if (/\.(rels)$/.test(name) || name === '[Content_Types].xml') continue;
      expect(overrides, `${name} has a content type`).toContain(name);
    }
    for (const [rels, base] of [['_rels/.rels', ''], ['word/_rels/document.xml.rels', 'word/']]) {
      const xml = await zip.file(rels)!.async('string');
      const targets = [...xml.matchAll(/Target="([^"]+)"/g)].map((m) => base + m[1]);
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) expect(names).toContain(target);
    }
    // Every relationship id the body refers to is declared.
    const document = await zip.file('word/document.xml')!.async('string');
    const declared = await zip.file('word/_rels/document.xml.rels')!.async('string');
    for (const [, id] of document.matchAll(/r:id="(\w+)"/g)) expect(declared).toContain(`Id="${id}"`);
  });
});
