import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import remarkLiteralDirectives from './literal-directives';
import remarkResolveLinks from './resolve-links';
import remarkResolveReferences from './resolve-references';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { lintRules } from '../lint/rules';
import remarkTypography from '../typography/remark-typography';
import { chooseDialect, dialectPlugins, type Dialect, type DialectChoice } from '../dialects/choose-dialect';
import { frontMatterLang } from './front-matter';
import { guessDocumentLang } from './guess-lang';
import type { ReadAs } from '../config/schema';

/** One processor per set of extensions, made once: a build of many sources of one dialect parses with one. */
const processors = new Map<string, Processor<Root, Root, Root>>();

/** The Markdown pipeline of a dialect: its syntax, then the lint rules on what the author wrote, then typography. */
function processorFor(dialect: Dialect): Processor<Root, Root, Root> {
  const key = dialect.extensions.join('+');
  let processor = processors.get(key);
  if (!processor) {
    processor = unified()
      .use(remarkParse)
      .use(dialectPlugins(dialect.extensions))
      .use(remarkLiteralDirectives)
      .use(remarkResolveReferences)
      .use(remarkResolveLinks)
      .use(lintRules)
      .use(remarkTypography) as unknown as Processor<Root, Root, Root>;
    processors.set(key, processor);
  }
  return processor;
}

/** What the project's settings say about reading its sources. */
export interface ParseOptions {
  /** The configuration's language, for a source that neither declares one nor reads as another. */
  lang?: string;
  /** The configuration's dialect, for a source that does not tell its own. */
  markdown?: DialectChoice;
  /** The site the sources' relative links point into. */
  siteUrl?: string;
  /** `deck`: the source is a Marp deck whatever it says (`--as deck`, the configuration's `as`). */
  readAs?: ReadAs;
}

/**
 * MDX stops at what is not JSX (`<br>`, a lone `<`): the page is then read as Markdown without
 * MDX, with a warning where MDX stopped, rather than not at all.
 */
function parseInDialect(file: VFile, dialect: Dialect): { processor: Processor<Root, Root, Root>; tree: Root } {
  const processor = processorFor(dialect);
  if (!dialect.extensions.includes('mdx')) return { processor, tree: processor.parse(file) };
  try {
    return { processor, tree: processor.parse(file) };
  } catch (error) {
    if (!(error instanceof VFileMessage)) throw error;
    file.message(`MDX cannot read this page here (${error.reason}): it is read as Markdown, so its \`import\` lines and components show as text`, {
      place: error.place,
      ruleId: 'mdx-unreadable',
      source: 'triptyque',
    });
    const markdown = { ...dialect, extensions: dialect.extensions.filter((name) => name !== 'mdx') };
    file.data['dialect'] = markdown;
    const fallback = processorFor(markdown);
    return { processor: fallback, tree: fallback.parse(file) };
  }
}

/**
 * Parses a source in its dialect (`file.data.dialect`). The document's language: its front
 * matter's `lang`, else the language its prose is written in, else `defaultLang` (the
 * configuration's). `file.data.lang` holds it for every later step.
 */
export async function parseMarkdown(file: VFile, options: ParseOptions = {}): Promise<Root> {
  const defaultLang = options.lang ?? 'fr';
  const dialect = chooseDialect(file.path, String(file.value), options.markdown, options.readAs);
  file.data['dialect'] = dialect;
  if (options.siteUrl) file.data['siteUrl'] = options.siteUrl;
  if (dialect.reason !== 'default') {
    const why = { declared: 'as declared', 'file-extension': 'from the file name', 'front-matter': 'from its front matter', 'read-as-deck': 'as a deck, as asked' }[dialect.reason];
    file.info(`read as ${dialect.name} Markdown (${why}): ${dialect.extensions.join(', ')}`, { place: { line: 1, column: 1 }, ruleId: 'dialect', source: 'triptyque' });
  }
  const { processor, tree } = parseInDialect(file, dialect);
  const declared = frontMatterLang(tree);
  const guessed = declared ? undefined : guessDocumentLang(tree);
  file.data['lang'] = declared ?? guessed ?? defaultLang;
  if (guessed && guessed !== defaultLang) {
    file.info(`no \`lang\` in the front matter: the text reads as \`${guessed}\`, so it is typeset as such; add \`lang:\` to choose`, {
      place: { line: 1, column: 1 },
      ruleId: 'lang-guessed',
      source: 'triptyque',
    });
  }
  return (await processor.run(tree, file)) as Root;
}
