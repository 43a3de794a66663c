import { Marp } from '@marp-team/marp-core';
import type { Element } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_ATTRIBUTE, flatSlides } from './flat-slides';

const DECK = `---
marp: true
paginate: true
---

![bg left:40% A portrait](portrait.png)

## Chris Ayers

Principal engineer

---

![bg right](qr.png)
![bg vertical](logo.png)

# Tell me how I did

---

![bg opacity:.3 A map](map.png)

# Over the map

---

# <!-- fit --> No background
`;

const svgs = new Marp({ inlineSVG: true, script: false }).render(DECK, { htmlAsArray: true }).html;
const flat = flatSlides(svgs);

/** A small reading of the HTML: its elements by tag or attribute, their attributes and text. */
class Node {
  constructor(readonly element: Element) {}
  all(match: string): Node[] {
    const found: Node[] = [];
    visit(this.element, 'element', (node: Element) => {
      if (node !== this.element && (node.tagName === match || (match.startsWith('[') && Object.hasOwn(node.properties, attributeName(match.slice(1, -1)))))) found.push(new Node(node));
    });
    return found;
  }
  querySelector(match: string): Node | undefined {
    return this.all(match)[0];
  }
  querySelectorAll(match: string): Node[] {
    return this.all(match);
  }
  getAttribute(name: string): string | null {
    const value = this.element.properties[attributeName(name)];
    return value === undefined ? null : Array.isArray(value) ? value.join(' ') : String(value);
  }
  hasAttribute(name: string): boolean {
    return Object.hasOwn(this.element.properties, attributeName(name));
  }
  get textContent(): string {
    return toText(this.element);
  }
}

/** hast's name of an HTML attribute: data-x-y is dataXY. */
function attributeName(name: string): string {
  return name.startsWith('data-') ? `data${name.slice(5).replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase())}` : name;
}

const parse = (html: string): Node => {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  return new Node(tree.children.find((node): node is Element => node.type === 'element')!);
};

describe('Marp slides drawn as SVG layers, as one section each', () => {
  it('keeps one section a slide, the content section with its attributes', () => {
    expect(flat).toHaveLength(4);
    expect(flat.every((html) => /^<section[\s>]/.test(html) && html.match(/<section/g)!.length === 1)).toBe(true);
    expect(parse(flat[0]!).getAttribute('data-marpit-pagination')).toBe('1');
    expect(flat[0]).not.toContain('data-marpit-advanced-background');
  });

  it('sets a split background on its side, as wide as Marp makes it, the content beside it', () => {
    const left = parse(flat[0]!);
    expect(left.getAttribute('style')).toContain('border-left:512px solid transparent');
    const layer = left.querySelector(`[${BACKGROUND_ATTRIBUTE}]`)!;
    expect(layer.getAttribute('style')).toContain('left:-512px;width:512px');
    expect(layer.querySelector('figure')!.getAttribute('style')).toContain('portrait.png');
    expect(layer.querySelector('figcaption')!.textContent).toBe('A portrait');
    expect(left.querySelector('h2')!.textContent).toBe('Chris Ayers');
    // `bg right` without a size takes half the slide; two pictures share it, one above the other.
    const right = parse(flat[1]!);
    expect(right.getAttribute('style')).toContain('border-right:640px solid transparent');
    const layerRight = right.querySelector(`[${BACKGROUND_ATTRIBUTE}]`)!;
    expect(layerRight.getAttribute('style')).toContain('right:-640px;width:640px');
    expect(layerRight.getAttribute('style')).toContain('flex-direction:column');
    expect(layerRight.querySelectorAll('figure')).toHaveLength(2);
  });

  it('lays a full background under the content, with its filter, and leaves a slide without one as Marp renders it', () => {
    const full = parse(flat[2]!);
    expect(full.getAttribute('style')).not.toContain('border-');
    const layer = full.querySelector(`[${BACKGROUND_ATTRIBUTE}]`)!;
    expect(layer.getAttribute('style')).toContain('inset:0;z-index:-1');
    expect(layer.querySelector('figure')!.getAttribute('style')).toMatch(/filter:opacity\(\.3\)|opacity/);
    expect(flat[3]).toBe(/<section[\s\S]*<\/section>/.exec(svgs[3]!)![0]);
    expect(parse(flat[3]!).querySelector('h1')!.hasAttribute('data-auto-scaling')).toBe(true);
  });
});
