import JSZip from 'jszip';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const RELATIONSHIPS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A paragraph of a generated Word file; `heading` gives it Word's "Heading 1" style. */
export interface DocxParagraph {
  text: string;
  heading?: boolean;
}

/** Word's document properties (`docProps/core.xml`). */
export interface DocxProperties {
  title?: string;
  /** ISO date-time, as Word writes `dcterms:created`. */
  created?: string;
}

/** The smallest .docx Word and mammoth accept: content types, one relationship, the document; and the properties given. */
export async function makeDocx(paragraphs: DocxParagraph[], properties?: DocxProperties): Promise<Uint8Array> {
  const body = paragraphs
    .map(({ text, heading }) => {
      const style = heading ? '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' : '';
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
    })
    .join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELATIONSHIPS);
  zip.file('word/document.xml', document);
  if (properties) {
    const title = properties.title === undefined ? '' : `<dc:title>${escapeXml(properties.title)}</dc:title>`;
    const created = properties.created === undefined ? '' : `<dcterms:created xsi:type="dcterms:W3CDTF">${properties.created}</dcterms:created>`;
    zip.file(
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${title}${created}</cp:coreProperties>`,
    );
  }
  return zip.generateAsync({ type: 'uint8array' });
}
