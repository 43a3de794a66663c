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

/** `defaultLang` (the configuration's) applies when the front matter gives no `lang`. */
export async function parseMarkdown(file: VFile, defaultLang = 'fr'): Promise<Root> {
  const tree = processor.parse(file);
  file.data['lang'] = frontMatterLang(tree) ?? defaultLang;
  return (await processor.run(tree, file)) as Root;
}
