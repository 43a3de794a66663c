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
] as const;

export type ExtensionName = (typeof EXTENSION_NAMES)[number];

export const DIALECT_NAMES = ['markdown', 'commonmark', 'gfm', 'pandoc', 'quarto', 'rmarkdown', 'mdx', 'docusaurus', 'vitepress', 'hugo', 'obsidian', 'marp'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

