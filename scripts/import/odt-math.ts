import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { markEquation } from './equation-marks';
import { latexOfMathml } from './mathml-latex';

/**
 * An OpenDocument text's formulas as TeX before LibreOffice converts the file: each formula is an
 * object of its own (`Object 1/content.xml`, MathML) in a frame of the text, which LibreOffice
 * turns into Word's math only with its Math module installed (Debian: libreoffice-math) and
 * drops without a trace otherwise. Each frame becomes its equation's TeX, marked as the Word
 * reader marks it (see `equation-marks`), which the conversion carries as text.
 */

const DRAW = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';
const XLINK = 'http://www.w3.org/1999/xlink';
const MATHML = 'http://www.w3.org/1998/Math/MathML';

function parent(node: Element, localNames: string[]): Element | undefined {
  for (let at = node.parentNode; at; at = at.parentNode) if (at.nodeType === 1 && localNames.includes((at as Element).localName ?? '')) return at as Element;
  return undefined;
}

/** The equation's TeX, or its characters when it cannot be read as math (LibreOffice's own notation, `int from 0 to 1 x`, first). */
function equationText(formula: string, display: boolean): { text: string; read: boolean } | undefined {
  const document = new DOMParser().parseFromString(formula, 'text/xml');
  const math = document.getElementsByTagNameNS(MATHML, 'math')[0];
  if (!math) return undefined;
  const annotations = Array.from(math.getElementsByTagNameNS(MATHML, 'annotation'));
  const notation = annotations.map((annotation) => annotation.textContent ?? '').join(' ').trim();
  // The annotation is LibreOffice's source of the formula, not a part of what it shows.
  for (const annotation of annotations) annotation.parentNode?.removeChild(annotation);
  const latex = latexOfMathml(new XMLSerializer().serializeToString(math), display);
  return latex === undefined ? { text: notation || (math.textContent ?? ''), read: false } : { text: markEquation({ latex, display }), read: true };
}

/** The .odt with its formulas as marked TeX, and how many were kept as text only. */
export async function formulasAsText(bytes: Buffer): Promise<{ bytes: Buffer; asText: number }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('content.xml')?.async('string');
  if (xml === undefined || !xml.includes('draw:object')) return { bytes, asText: 0 };
  const content = new DOMParser().parseFromString(xml, 'text/xml');
  let asText = 0;
  let replaced = 0;
  for (const object of Array.from(content.getElementsByTagNameNS(DRAW, 'object'))) {
    const href = (object.getAttributeNS(XLINK, 'href') ?? '').replace(/^\.\//, '');
    const formula = await zip.file(`${href}/content.xml`)?.async('string');
    const frame = parent(object, ['frame']);
    const paragraph = frame && parent(frame, ['p', 'h']);
    if (formula === undefined || !frame || !paragraph) continue;
    // Alone in its paragraph, it is set apart; else it is part of a line.
    const display = (paragraph.textContent ?? '').trim() === '' && paragraph.getElementsByTagNameNS(DRAW, 'frame').length === 1;
    const equation = equationText(formula, display);
    if (!equation) continue;
    if (!equation.read) asText++;
    frame.parentNode!.replaceChild(content.createTextNode(equation.text), frame);
    replaced++;
  }
  if (replaced === 0) return { bytes, asText: 0 };
  zip.file('content.xml', new XMLSerializer().serializeToString(content));
  return { bytes: await zip.generateAsync({ type: 'nodebuffer' }), asText };
}
