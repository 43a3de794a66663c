import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

/** Marks the pictures of a flattened slide's backgrounds: its layers, not its content. */
export const BACKGROUND_ATTRIBUTE = 'data-triptyque-background';

const fragments = unified().use(rehypeParse, { fragment: true });

/**
 * Each slide Marp draws as an inline SVG, as one `<section>` the build can measure, read and set
 * in the handout. Marp lays a slide with backgrounds (`![bg]`, `![bg left:40%]`) out as layers in
 * its SVG: the pictures in a section of their own, the content in another beside them. Here the
 * content section keeps the whole slide's box, its content beside the pictures (a transparent
 * border as wide as their side), and the pictures are a layer under it, as Marp shows them.
 * A slide without backgrounds is its section as it is.
 */
export function flatSlides(svgs: readonly string[]): string[] {
  return svgs.map((svg) => {
    if (!svg.includes('data-marpit-advanced-background=')) return ownSection(svg);
    const tree = fragments.parse(svg) as Root;
    const root = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'svg');
    const sections = (root?.children ?? []).flatMap((layer) => (layer.type === 'element' ? layer.children.filter((node): node is Element => node.type === 'element' && node.tagName === 'section') : []));
    const layerOf = (name: string) => sections.find((section) => section.properties['dataMarpitAdvancedBackground'] === name);
    const content = layerOf('content');
    const background = layerOf('background');
    if (!content || !background) return ownSection(svg);
    const width = Number(/^0 0 (\d+(?:\.\d+)?)/.exec(String(root?.properties['viewBox'] ?? ''))?.[1] ?? 1280);
    const split = background.properties['dataMarpitAdvancedBackgroundSplit'];
    const share = Number(/--marpit-advanced-background-split:\s*(\d+(?:\.\d+)?)%/.exec(String(background.properties['style'] ?? ''))?.[1] ?? 50);
    const side = split === 'left' || split === 'right' ? split : undefined;
    const sideWidth = side ? Math.round((width * share) / 100) : 0;
    const container = background.children.find((node): node is Element => node.type === 'element' && node.tagName === 'div');
    const direction = container?.properties['dataMarpitAdvancedBackgroundDirection'] === 'vertical' ? 'column' : 'row';
    const place = side ? `top:0;bottom:0;${side}:-${sideWidth}px;width:${sideWidth}px` : 'inset:0';
    const figures = (container?.children ?? []).filter((node): node is Element => node.type === 'element' && node.tagName === 'figure').map((figure): Element => ({
      ...figure,
      // Marp's own rule for the figures holds only inside its SVG: the same, then the picture's own (size, filters).
      properties: { ...figure.properties, style: `margin:0;flex:auto;background-position:center;background-repeat:no-repeat;background-size:cover;${String(figure.properties['style'] ?? '')}` },
      children: figure.children.map((child) => (child.type === 'element' && child.tagName === 'figcaption' ? { ...child, properties: { ...child.properties, style: 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap' } } : child)),
    }));
    const layer: Element = {
      type: 'element',
      tagName: 'div',
      properties: { [BACKGROUND_ATTRIBUTE]: '', style: `position:absolute;${place};z-index:-1;display:flex;flex-direction:${direction};overflow:hidden` },
      children: figures,
    };
    const properties = { ...content.properties };
    delete properties['dataMarpitAdvancedBackground'];
    delete properties['dataMarpitAdvancedBackgroundSplit'];
    // The section clips what overflows its padding box, where the side's pictures are: they are let out (the slide's own box still bounds them).
    const border = side ? `box-sizing:border-box;border-${side}:${sideWidth}px solid transparent;overflow:visible;` : '';
    // The section paints the slide's own background (the theme's colour) under the pictures, as Marp's background layer does.
    properties['style'] = `${String(properties['style'] ?? '')};position:relative;z-index:0;${border}`;
    const flat: Element = { ...content, properties, children: [layer, ...(content.children as ElementContent[])] };
    return toHtml(flat);
  });
}

/** The one section of a slide Marp drew without layers, as Marp wrote it. */
function ownSection(svg: string): string {
  return svg.slice(svg.indexOf('<section'), svg.lastIndexOf('</section>') + '</section>'.length);
}
