import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkLiteralDirectives from './literal-directives';
import type { VFile } from 'vfile';
import { lintRules } from '../lint/rules';
import remarkFrenchTypography from '../typography/remark-french-typography';

/** The one Markdown pipeline: syntax, then the lint rules on what the author wrote, then typography. */
const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirective)
  .use(remarkLiteralDirectives)
  .use(lintRules)
  .use(remarkFrenchTypography);

export async function parseMarkdown(file: VFile): Promise<Root> {
  const tree = processor.parse(file);
  return (await processor.run(tree, file)) as Root;
}
