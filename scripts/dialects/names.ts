/**
 * Markdown dialects, as pandoc names its extensions: an extension is one piece of syntax and the
 * remark plugins that read it; a dialect is the set of extensions a tool's Markdown has. The names
 * live here, below the configuration that lets a user choose them and the reader that uses them.
 */
export const EXTENSION_NAMES = [
  /** CommonMark with GitHub's tables, task lists, strikethrough, autolinks and footnotes. */
  'gfm',
  /** YAML `---` (closed by `---` or pandoc's `...`) and TOML `+++` front matter. */
  'front-matter',
  /** Triptyque's own `:::notes`, `:::deck`, `::newslide`... (remark-directive). */
  'directives',
  /** `$$...$$` TeX math, display or inline (remark-math); pandoc-crossref's `{#eq:x}` labels. */
  'math',
  /** `\(...\)` inline and `\[...\]` displayed TeX math (pandoc's `tex_math_single_backslash`, on in R Markdown). Before
   * `math-dollars`: both set remark-math's options, and the later one's `$` must win. */
  'math-backslash',
  /** `$...$` inline TeX math (pandoc's `tex_math_dollars`): a `$` followed by a space or closed before a digit stays a dollar. */
  'math-dollars',
  /** A paragraph that is only `\newpage`, `\pagebreak` or `\clearpage`: a page break in the brochure. */
  'page-breaks',
  /** Raw LaTeX commands in the text: `\newpage` a page break, `\index{}` dropped, others warned about. */
  'raw-tex',
  /** Pandoc's inline notes `^[text]`, made footnotes. */
  'inline-notes',
  /** Pandoc's citations `[@key]`, `@key`, `[see @key, p. 3]`, resolved from the `bibliography:` file. */
  'citations',
  /** pandoc-crossref's and Quarto's `@fig:x`, `@tbl:x`, `@eq:x`, `@sec:x` and bookdown's `\@ref(x)`. */
  'cross-references',
] as const;

export type ExtensionName = (typeof EXTENSION_NAMES)[number];

export const DIALECT_NAMES = ['markdown', 'commonmark', 'gfm', 'pandoc', 'quarto', 'rmarkdown', 'mdx', 'docusaurus', 'vitepress', 'hugo', 'obsidian'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

