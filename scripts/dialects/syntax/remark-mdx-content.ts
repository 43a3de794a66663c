import type { Code, PhrasingContent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { Parser, type Options as AcornOptions } from 'acorn';
import acornJsx from 'acorn-jsx';
import remarkMdx from 'remark-mdx';
import type { Plugin, Processor } from 'unified';
import type { Parent } from 'unist';
import type { VFile } from 'vfile';
import { withBoldLead } from './bold-lead';

/*
 * The MDX nodes, as far as this reads them: declared here rather than imported, since
 * mdast-util-mdx's declarations add MDX to every hast and mdast tree of the program.
 */
interface MdxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: RootContent[];
  position?: RootContent['position'];
}
interface MdxExpression {
  type: 'mdxFlowExpression' | 'mdxTextExpression';
  value: string;
  data?: { estree?: { body?: { expression?: Record<string, unknown> }[] } };
  position?: RootContent['position'];
}
type MdxNode = MdxElement | MdxExpression | { type: 'mdxjsEsm'; value: string; position?: RootContent['position'] };

/** Marks an expression that is no JavaScript: MDX would refuse the page, a reader sees its text. */
const NOT_JAVASCRIPT = 'triptyqueNotJavaScript';

const jsx = Parser.extend(acornJsx());

/**
 * Acorn as MDX uses it, except that braces holding no JavaScript (`## Title {#id}`, as
 * Docusaurus pages write, or `{en euros}` in prose) read as an expression marked as such rather
 * than stopping the parse: the page's text is kept (as Docusaurus keeps heading ids).
 */
const lenientAcorn = {
  parse: (input: string, options: AcornOptions) => jsx.parse(input, options),
  parseExpressionAt(input: string, position: number, options: AcornOptions) {
    try {
      return jsx.parseExpressionAt(input, position, options);
    } catch (error) {
      // Stopped by the end of the input: the expression goes on after this `}` (`values={[{...},\n{...}]}`),
      // and micromark, told so, reads on to the next one.
      if ((error as { pos?: number }).pos !== undefined && (error as { pos: number }).pos >= input.length) throw error;
      return { type: 'Literal', value: input, raw: input, start: position, end: input.length, [NOT_JAVASCRIPT]: true };
    }
  },
};

/** Attributes whose value a reader sees on the page (a tab's label, a details' summary). */
const SHOWN_ATTRIBUTES = ['title', 'label', 'summary'];

/**
 * MDX (Docusaurus): read by remark-mdx, then what a page shows without its React components:
 * `import`/`export` go, an element with content leaves its content (a `<TabItem label="x">` its
 * label in bold first), an empty component goes with one info note naming them all, and an
 * expression its string when it is one (`{'<'}`); comments `{/* *\/}` go.
 */
const remarkMdxContent: Plugin<[], Root> = function (this: Processor) {
  remarkMdx.call(this as never, { acorn: lenientAcorn as never });
  const processor = this;
  return (tree: Root, file: VFile) => {
    readMdxCodeBlocks(tree, processor);
    const dropped = new Map<string, RootContent['position']>();
    const unread: { text: string; position: RootContent['position'] }[] = [];
    const walk = (parent: Parent): void => {
      const out: RootContent[] = [];
      for (const node of parent.children as RootContent[]) {
        if ('children' in node) walk(node);
        const child = node as unknown as MdxNode;
        switch (child.type) {
          case 'mdxjsEsm':
            break;
          case 'mdxJsxFlowElement':
          case 'mdxJsxTextElement':
            if (child.children.length === 0) {
              if (child.name && !dropped.has(child.name)) dropped.set(child.name, child.position);
            } else out.push(...withLabel(child));
            break;
          case 'mdxFlowExpression':
          case 'mdxTextExpression': {
            if (child.data?.estree?.body?.[0]?.expression?.[NOT_JAVASCRIPT]) {
              const text = `{${child.value}}`;
              out.push(child.type === 'mdxTextExpression' ? { type: 'text', value: text, position: child.position } : { type: 'paragraph', children: [{ type: 'text', value: text }], position: child.position });
              break;
            }
            const literal = stringLiteral(child.value);
            if (literal !== undefined) out.push(child.type === 'mdxTextExpression' ? { type: 'text', value: literal } : { type: 'paragraph', children: [{ type: 'text', value: literal }] });
            else if (!isComment(child.value)) unread.push({ text: child.value.trim(), position: child.position });
            break;
          }
          default:
            out.push(node);
        }
      }
      parent.children = out;
    };
    walk(tree);
    const [first] = dropped.values();
    if (dropped.size > 0) {
      file.info(`MDX components without text are left out: ${[...dropped.keys()].map((name) => `<${name} />`).join(', ')}`, { place: first?.start, ruleId: 'mdx-component', source: 'triptyque' });
    }
    for (const expression of unread) {
      file.message(`MDX expression \`{${expression.text.slice(0, 40)}}\` is computed by MDX, not here: it is left out`, { place: expression.position?.start, ruleId: 'dialect-unsupported', source: 'triptyque' });
    }
  };
};

/**
 * Docusaurus reads a ```` ```mdx-code-block ```` fence as MDX (its imports, its components): so
 * does this, each node placed where the fence is; a fence MDX cannot read stays code.
 */
function readMdxCodeBlocks(tree: Root, processor: Processor): void {
  visit(tree, 'code', (node: Code, index, parent) => {
    if (node.lang !== 'mdx-code-block' || !parent || index === undefined) return undefined;
    let inner: Root;
    try {
      inner = processor.parse(node.value) as Root;
    } catch {
      return undefined;
    }
    visit(inner, (child) => {
      child.position = node.position;
    });
    parent.children.splice(index, 1, ...(inner.children as never[]));
    return index;
  });
}

/** Its content, led by a label or title attribute in bold (a tab's name before its text). */
function withLabel(element: MdxElement): RootContent[] {
  const attribute = element.attributes.find((item) => item.type === 'mdxJsxAttribute' && SHOWN_ATTRIBUTES.includes(item.name ?? '') && typeof item.value === 'string');
  const value = typeof attribute?.value === 'string' ? attribute.value.trim() : '';
  if (!value) return element.children;
  const label: PhrasingContent[] = [{ type: 'text', value }];
  if (element.type === 'mdxJsxTextElement') return [{ type: 'strong', children: label }, { type: 'text', value: ' ' }, ...element.children];
  return withBoldLead(label, element.children as Parameters<typeof withBoldLead>[1], element.position);
}

function stringLiteral(code: string): string | undefined {
  const trimmed = code.trim();
  const quote = trimmed[0];
  if ((quote !== '"' && quote !== "'" && quote !== '`') || trimmed.at(-1) !== quote || trimmed.length < 2) return undefined;
  const inner = trimmed.slice(1, -1);
  return inner.includes(quote) || (quote === '`' && inner.includes('${')) ? undefined : inner;
}

function isComment(code: string): boolean {
  return /^\s*\/\*[\s\S]*\*\/\s*$/u.test(code) || /^\s*(?:\/\/[^\n]*\n?\s*)+$/u.test(code);
}

export default remarkMdxContent;
