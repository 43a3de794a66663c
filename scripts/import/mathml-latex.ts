import { MathMLToLaTeX } from 'mathml-to-latex';
import { mathError } from '../math/katex';

/** Names mathml-to-latex writes that KaTeX, the project's TeX, does not know, and KaTeX's for the same sign. */
const KATEX_NAMES: Record<string, string> = { '\\hdots': '\\cdots' };

/**
 * The TeX of a MathML equation (mathml-to-latex), or undefined when it fails or KaTeX, the
 * check every source's math passes, cannot read what it made.
 */
export function latexOfMathml(mathml: string, display: boolean): string | undefined {
  try {
    const latex = MathMLToLaTeX.convert(mathml)
      // A bar is a table's cell border in Markdown: TeX's names for it keep the math in its cell.
      .replace(/\\\|/g, '\\Vert ')
      .replace(/\|/g, '\\vert ')
      .replace(/\\[a-zA-Z]+/g, (name) => KATEX_NAMES[name] ?? name)
      .replace(/\s+/g, ' ')
      .trim();
    return latex !== '' && mathError(latex, display) === undefined ? latex : undefined;
  } catch {
    return undefined;
  }
}
