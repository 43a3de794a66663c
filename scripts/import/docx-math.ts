import { XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import omml2mathml from 'omml2mathml';
import { markEquation } from './equation-marks';
import { latexOfMathml } from './mathml-latex';

/**
 * Word's equations (OMML: `m:oMath`, set apart in an `m:oMathPara`) as LaTeX, before mammoth
 * reads the document (it drops them). OMML becomes MathML through omml2mathml (a port of the
 * stylesheet Word itself uses), MathML becomes LaTeX through mathml-to-latex; the result must be
 * TeX that KaTeX reads, the check every source's math passes. An equation that does not pass
 * keeps its characters as text, so no word is lost, and the import says so.
 */

const M = 'http://schemas.openxmlformats.org/officeDocument/2006/math';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function mathElements(root: Document | Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(M, localName));
}

/**
 * A delimiter Word leaves empty (`m:endChr m:val=""`, the open brace of a system of equations)
 * as TeX's empty delimiter `.`: omml2mathml drops an empty fence attribute, which MathML then
 * reads as a parenthesis and mathml-to-latex writes as a bare, unreadable `\right`.
 */
function markEmptyFences(math: Element): void {
  for (const fence of [...mathElements(math, 'begChr'), ...mathElements(math, 'endChr')]) {
    if ((fence.getAttributeNS(M, 'val') ?? fence.getAttribute('m:val')) === '') fence.setAttributeNS(M, 'm:val', '.');
  }
}

/** The LaTeX of one equation, or undefined when a converter fails or KaTeX cannot read what they made. */
function latexOf(math: Element, display: boolean): string | undefined {
  try {
    markEmptyFences(math);
    return latexOfMathml(new XMLSerializer().serializeToString(omml2mathml(math)), display);
  } catch {
    return undefined;
  }
}

function textRun(document: Document, text: string): Element {
  const run = document.createElementNS(W, 'w:r');
  const t = document.createElementNS(W, 'w:t');
  t.setAttribute('xml:space', 'preserve');
  t.appendChild(document.createTextNode(text));
  run.appendChild(t);
  return run;
}

/** The characters of an equation, in reading order: what is left when it cannot be read as math. */
function linearText(math: Element): string {
  return mathElements(math, 't')
    .map((t) => t.textContent ?? '')
    .join('');
}

/**
 * In place: each equation replaced by a run holding its LaTeX, marked (see `equation-marks`), or
 * its characters as text. Returns how many equations were kept as text only.
 */
export function replaceEquations(document: Document): { asText: number } {
  let asText = 0;
  const replace = (math: Element, display: boolean, before: Element) => {
    const latex = latexOf(math, display);
    if (latex === undefined) asText++;
    before.parentNode!.insertBefore(textRun(document, latex === undefined ? linearText(math) : markEquation({ latex, display })), before);
  };
  for (const paragraph of mathElements(document, 'oMathPara')) {
    // Each equation of a math paragraph is a line of its own.
    for (const math of mathElements(paragraph, 'oMath')) replace(math, true, paragraph);
    paragraph.parentNode?.removeChild(paragraph);
  }
  for (const math of mathElements(document, 'oMath')) {
    replace(math, false, math);
    math.parentNode?.removeChild(math);
  }
  return { asText };
}
