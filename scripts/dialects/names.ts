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
] as const;

export type ExtensionName = (typeof EXTENSION_NAMES)[number];

export const DIALECT_NAMES = ['markdown', 'commonmark', 'gfm', 'pandoc', 'quarto', 'rmarkdown', 'mdx', 'docusaurus', 'vitepress', 'hugo', 'obsidian'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

