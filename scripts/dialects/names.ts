/**
 * Markdown dialects, as pandoc names its extensions: an extension is one piece of syntax and the
 * remark plugins that read it; a dialect is the set of extensions a tool's Markdown has. The names
 * live here, below the configuration that lets a user choose them and the reader that uses them.
 */
export const EXTENSION_NAMES = [
  /** CommonMark with GitHub's tables, task lists, strikethrough, autolinks and footnotes. */
  'gfm',
  /** YAML `---` and TOML `+++` front matter. */
  'front-matter',
  /** YAML front matter closed by `...`, as pandoc and R Markdown allow (chosen when the file's block closes so). */
  'front-matter-dots',
  /** Triptyque's own `:::notes`, `:::deck`, `::newslide`... (remark-directive). */
  'directives',
  /** Pandoc's `% Title` / `% Author` / `% Date` lines opening the file. */
  'title-block',
  /** MDX's `import`/`export` and JSX (Docusaurus): read, then their text kept; first, so the others read its text. */
  'mdx',
  /** `## Title {#id .class}` (pandoc, kramdown, Hugo, VitePress, Docusaurus): the id is the anchor. */
  'heading-attributes',
  /** `::: {.callout-note}`, `::: tip Titre`, `:::note[Title]`, `:::tip Title`: callouts and containers. */
  'containers',
  /** Hugo's shortcodes `{{% note %}}…{{% /note %}}`, `{{< figure src=x >}}`: callouts, pictures, their content. */
  'shortcodes',
  /** `> [!tip]- Title` (Obsidian) and `> [!NOTE]` (GitHub): callouts. */
  'callouts',
  /** `Term` then `: definition` (pandoc, PHP Markdown Extra). */
  'definition-lists',
  /** Pandoc's `+---+` grid tables, and its simple and multiline tables (columns under `---  ---` dash runs). */
  'grid-tables',
  /** Pandoc's line blocks, lines opening on `| `: each kept a line, what it holds read as Markdown. */
  'line-blocks',
  /** ```` ```{r} ```` and ```` ```{python} ```` chunks with `#|` options (Quarto, R Markdown). */
  'code-chunks',
  /** `[[Page]]`, `[[Page|alias]]`, `![[picture.png]]` (Obsidian). */
  'wikilinks',
  /** `==highlighted==` (Obsidian, Typora). */
  'highlights',
  /** `%%hidden%%` (Obsidian). */
  'obsidian-comments',
  /** `$$...$$` TeX math, display or inline (remark-math); pandoc-crossref's `{#eq:x}` labels. */
  'math',
  /** `\(...\)` inline and `\[...\]` displayed TeX math (pandoc's `tex_math_single_backslash`, on in R Markdown). Before
   * `math-dollars`: both set remark-math's options, and the later one's `$` must win. */
  'math-backslash',
  /** `$...$` inline TeX math (pandoc's `tex_math_dollars`): a `$` followed by a space or closed before a digit stays a dollar. */
  'math-dollars',
  /** A paragraph that is only `\newpage`, `\pagebreak` or `\clearpage`: a page break in the brochure. */
  'page-breaks',
  /** A LaTeX environment as blocks of its own, `\begin{center}`…`\end{center}`: its words kept, its commands dropped. */
  'tex-environments',
  /** Raw LaTeX commands in the text: `\newpage` a page break, `\index{}` dropped, others warned about. */
  'raw-tex',
  /** Pandoc's `^raised^` (`1^er^`): superscript, with no space inside unless escaped. */
  'superscript',
  /** Pandoc's `\ `, a backslash before a space: a space that does not break. */
  'escaped-spaces',
  /** Pandoc's inline notes `^[text]`, made footnotes. */
  'inline-notes',
  /** Pandoc's citations `[@key]`, `@key`, `[see @key, p. 3]`, resolved from the `bibliography:` file. */
  'citations',
  /** pandoc-crossref's and Quarto's `@fig:x`, `@tbl:x`, `@eq:x`, `@sec:x` and bookdown's `\@ref(x)`. */
  'cross-references',
  /**
   * The same, where no prose could mean anything else: Quarto's `@fig-x` only when the document
   * labels a `{#fig-x}` (a handle such as `@sec-ops` stays text). Before `cross-references`: with
   * both, unified keeps one plugin and the later one's options win.
   */
  'cross-references-unambiguous',
  /** Pandoc's `` `code`{.r} ``, `[link](x){.class}`, `![x](a.png){width=50%}`, `[words]{.underline}`: attributes read and dropped; after cross-references, which read `{#fig:x}`. */
  'inline-attributes',
  /** `: Caption` or `Table: Caption` beside a table (pandoc); after cross-references, which number the labelled ones. */
  'table-captions',
] as const;

export type ExtensionName = (typeof EXTENSION_NAMES)[number];

export const DIALECT_NAMES = ['markdown', 'commonmark', 'gfm', 'pandoc', 'quarto', 'rmarkdown', 'mdx', 'docusaurus', 'vitepress', 'hugo', 'obsidian', 'marp'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

