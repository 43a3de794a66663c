import { PDFName, type PDFDocument } from 'pdf-lib';

export interface XmpFields {
  title: string;
  lang: string;
  author?: string | undefined;
  subject?: string | undefined;
  keywords: string;
  creatorTool: string;
  producer: string;
  date: Date;
}

/**
 * The document's XMP packet, from the same values as its document information: what PDF/UA
 * and PDF/A readers take the title and language from (`dc:title` in the document's language,
 * `dc:language`). Written uncompressed, as XMP readers that do not parse PDF expect.
 */
export function setXmpMetadata(pdf: PDFDocument, fields: XmpFields): void {
  const date = fields.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(value)}</rdf:li></rdf:Alt>`;
  const packet = [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(fields.title)}</dc:title>`,
    fields.author ? `<dc:creator><rdf:Seq><rdf:li>${xml(fields.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    fields.subject ? `<dc:description>${alt(fields.subject)}</dc:description>` : '',
    `<dc:language><rdf:Bag><rdf:li>${xml(fields.lang)}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Producer>${xml(fields.producer)}</pdf:Producer>`,
    fields.keywords ? `<pdf:Keywords>${xml(fields.keywords)}</pdf:Keywords>` : '',
    `<xmp:CreatorTool>${xml(fields.creatorTool)}</xmp:CreatorTool><xmp:CreateDate>${date}</xmp:CreateDate><xmp:ModifyDate>${date}</xmp:ModifyDate><xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
  const stream = pdf.context.stream(Buffer.from(packet, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(stream));
}

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
