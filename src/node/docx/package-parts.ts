/**
 * The fixed parts of the report's .docx package around the body, headers and footers: content types,
 * relationships, the styles (the page's font and size as every run's default) and the settings.
 * Only what the report uses: no numbering, notes, theme or font table parts (nothing refers to them).
 */
import type { PageSetup } from '../../core/document/model';
import type { HeaderFooterPart } from './wordml';
import { ptToHalfPoints, SINGLE_LINE } from './units';
import { escapeXml } from './xml-text';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORDML_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

/**
 * The document part's relationships: styles and settings, then the headers and footers from rId6 on
 * (the ids the body's section has always used; ids need only be unique, not consecutive).
 */
export const FIRST_HEADER_FOOTER_REL_ID = 6;
const STYLES_REL_ID = 'rId1';
const SETTINGS_REL_ID = 'rId5';

export function contentTypesXml(parts: HeaderFooterPart[]): string {
  const override = (name: string, type: string) => `<Override PartName="/word/${name}" ContentType="${WORDML_TYPE}.${type}+xml"/>`;
  return (
    DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('document.xml', 'document.main') +
    override('styles.xml', 'styles') +
    override('settings.xml', 'settings') +
    parts.map((p) => override(p.name, p.kind)).join('') +
    '</Types>'
  );
}

export function packageRelsXml(): string {
  return `${DECLARATION}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="word/document.xml"/></Relationships>`;
}

export function documentRelsXml(parts: HeaderFooterPart[]): string {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${OFFICE_RELS}/${type}" Target="${target}"/>`;
  return (
    `${DECLARATION}<Relationships xmlns="${RELS}">` +
    rel(STYLES_REL_ID, 'styles', 'styles.xml') +
    rel(SETTINGS_REL_ID, 'settings', 'settings.xml') +
    parts.map((p) => rel(p.relId, p.kind, p.name)).join('') +
    '</Relationships>'
  );
}

/**
 * Document defaults: the page's font in every slot (so Vietnamese, and any complex or East Asian
 * fallback, uses it), its size, black, Vietnamese; paragraphs with no spacing and single lines. Then the
 * default paragraph style and the default table style, which Word expects to find.
 */
export function stylesXml(page: PageSetup): string {
  const font = escapeXml(page.font);
  const size = ptToHalfPoints(page.sizePt);
  return (
    `${DECLARATION}<w:styles xmlns:w="${W}">` +
    '<w:docDefaults><w:rPrDefault><w:rPr>' +
    `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>` +
    `<w:color w:val="000000"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` +
    '<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="vi-VN"/>' +
    '</w:rPr></w:rPrDefault>' +
    `<w:pPrDefault><w:pPr><w:spacing w:after="0" w:before="0" w:line="${SINGLE_LINE}" w:lineRule="auto"/></w:pPr></w:pPrDefault>` +
    '</w:docDefaults>' +
    '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="table" w:styleId="TableNormal" w:default="1"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:type="dxa" w:w="0"/><w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="108"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="108"/></w:tblCellMar></w:tblPr>' +
    '</w:style>' +
    '</w:styles>'
  );
}

/** Tab stops every half inch, one header for odd and even pages, and Word 2013+ layout (compatibility mode 15). */
export function settingsXml(): string {
  return (
    `${DECLARATION}<w:settings xmlns:w="${W}">` +
    '<w:defaultTabStop w:val="720"/>' +
    '<w:evenAndOddHeaders w:val="false"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '</w:settings>'
  );
}
