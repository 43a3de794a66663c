import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkLiteralDirectives from './literal-directives';
import remarkResolveReferences from './resolve-references';
import type { VFile } from 'vfile';
import { lintRules } from '../lint/rules';
import remarkTypography from '../typography/remark-typography';
import { frontMatterLang } from './front-matter';
import { guessDocumentLang } from './guess-lang';

/** The one Markdown pipeline: syntax, then the lint rules on what the author wrote, then typography. */
const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml', 'toml'])
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkLiteralDirectives)
  .use(remarkResolveReferences)
  .use(lintRules)
  .use(remarkTypography);

/**
 * The document's language: its front matter's `lang`, else the language its prose is written in,
 * else `defaultLang` (the configuration's). `file.data.lang` holds it for every later step.
 */
export async function parseMarkdown(file: VFile, defaultLang = 'fr'): Promise<Root> {
  const tree = processor.parse(file);
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
