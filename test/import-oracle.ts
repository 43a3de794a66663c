import { missingWordsOf, pandoc } from './pandoc-oracle';

export { pandoc };

/**
 * pandoc's reading of a document, the oracle of the import: its words (tracked insertions
 * accepted, deletions and comments dropped, as pandoc does by default) and its count of
 * superscripts and subscripts. The entries of a table of contents and the page numbers of page
 * references are left out: the import drops them on purpose (the brochure makes its own). Both
 * sides are read with the same filter (list markers are left out).
 */
const LUA_FILTER = `
local function isTocLink(el) return el.t == 'Link' and el.target:match('^#_Toc') end
function Para(el)
  local all, toc = true, false
  for _, inline in ipairs(el.content) do
    if isTocLink(inline) then toc = true end
    if not (isTocLink(inline) or inline.t == 'Space' or inline.t == 'SoftBreak' or (inline.t == 'Str' and inline.text:match('^%d+$'))) then all = false end
  end
  if all and toc then return {} end
end
Plain = Para
-- The contents' heading of pandoc's own .docx.
function Header(el)
  if el.classes:includes('TOC-Heading') then return {} end
end
-- A subtitle is text of the document (pandoc's plain output leaves it out of the title block).
function Pandoc(doc)
  if doc.meta.subtitle then table.insert(doc.blocks, 1, pandoc.Para(doc.meta.subtitle)) end
  return doc
end
-- Word's styles of a table of contents: its heading and its entries, and those of a list of figures or tables.
function Div(el)
  local style = (el.attributes['custom-style'] or ''):lower()
  if style == 'toc heading' or style:match('^toc %d$') or style == 'table of figures' then return {} end
end
-- Math is compared by its signs, not its spelling: two converters write one equation with other
-- TeX names (\\bar or \\overline, \\tan or tan), so what must be kept is its letters and digits
-- outside those names, each a word.
function Math(el)
  local signs = {}
  for sign in el.text:gsub('\\\\%a+', ' '):gmatch('%w') do table.insert(signs, sign) end
  return pandoc.Str(table.concat(signs, ' '))
end
-- List markers are not words: "a." and "iv." are how Word numbers, not what it says.
function OrderedList(el) return pandoc.BulletList(el.content) end
`;

/** Letters and digits, Unicode superscript and subscript digits and letters included (a mark alone, as the variation selector of pandoc's `↩︎`, is no word). */
export const wordsOf = (text: string): string[] =>
  (text.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).filter((word) => /[\p{L}\p{N}]/u.test(word)).map((word) => word.toLowerCase());

export function oracleText(file: string, filterPath: string): string {
  const from = /\.docx$/i.test(file) ? ['-f', 'docx+styles'] : [];
  // HTML, not plain text: pandoc's plain writer prints a table it cannot lay out as "[TABLE]".
  const html = pandoc([file, ...from, '-t', 'html', '--wrap=none', '--lua-filter', filterPath]);
  return html
    // Inline tags join what they wrap (Word splits words into runs), other tags separate words.
    .replace(/<\/?(span|em|strong|a|u|s|del|ins|mark|small|code)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export const ORACLE_FILTER = LUA_FILTER;

/** The superscripts and subscripts pandoc reads in a document. */
export function oracleScripts(file: string): number {
  const json = pandoc([file, '-t', 'json']);
  return (json.match(/"t":"(Superscript|Subscript)"/g) ?? []).length;
}

/** The plain text of an imported source with its title block, its raw `<sup>`/`<sub>` tags taken as word breaks like pandoc's `^( )`, and `<br>` as the break it is. */
export function importedText(markdown: string, filterPath: string): string {
  // Read as GitHub's Markdown, the flavour the project's parser reads (pandoc's own reads `\\Documents` as TeX), with its `$$` math.
  return pandoc(['-f', 'gfm+tex_math_dollars+footnotes+yaml_metadata_block', '-t', 'plain', '-s', '--wrap=none', '--lua-filter', filterPath], markdown.replace(/<\/?(sup|sub)>|<br\s*\/?>/g, ' '));
}

/** Superscripts and subscripts of an imported source: Unicode ones and `<sup>`/`<sub>`. */
export function importedScripts(markdown: string): number {
  const tags = (markdown.match(/<(sup|sub)>/g) ?? []).length;
  const unicode = (markdown.match(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₒₓₔₕₖₗₘₙₚₛₜ]+/gu) ?? []).length;
  return tags + unicode;
}

/** The share of `expected`'s words found in `actual`, counting repeats. */
export function keptShare(expected: string[], actual: string[]): { share: number; missing: string[] } {
  const missing = missingWordsOf(expected, actual);
  return { share: expected.length === 0 ? 1 : (expected.length - missing.length) / expected.length, missing };
}
