import type { Link, PhrasingContent, Root } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { readRawFrontMatter } from './front-matter';

/** Schemes a reader's software opens; anything else (`javascript:`, `file:`, `data:`, an app's own) is not a link in a publication. */
const OPEN_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Where the source's links to other pages point from: `file.data.siteUrl` (configuration) and the front matter. */
export interface LinkBase {
  /** The URL of the page itself, when known: relative links resolve against it. */
  page?: URL;
  /** The site's root: root-relative links (`/guide/x`) resolve against it. */
  site?: URL;
}

/**
 * A link never stops a build. Inside the document (`#anchor`) it stays; to the web or a mailbox
 * it stays; to another page or file of a site (`/guide/x`, `../x.md`, `annexe.pdf`) it is made
 * absolute from the site's URL when one is known, else kept as its text with one located warning
 * for the document (a relative link resolves against the build machine's folders in a PDF: dead
 * for readers and telling the builder's paths); any other scheme is dropped, its text kept.
 */
const remarkResolveLinks: Plugin<[], Root> = () => (tree: Root, file: VFile) => {
  const base = linkBase(tree, file);
  const unresolved: Link[] = [];
  visit(tree, 'link', (node: Link, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const url = node.url.trim();
    if (url === '' || url.startsWith('#')) return undefined;
    const scheme = SCHEME.exec(url)?.[0].toLowerCase();
    if (scheme && OPEN_SCHEMES.has(scheme)) return undefined;
    if (scheme) {
      file.message(`\`${scheme}\` link dropped, its text kept: a publication links only to http:, https:, mailto: and tel: addresses (${url.slice(0, 40)})`, {
        place: node.position?.start,
        ruleId: 'link-scheme',
        source: 'triptyque',
      });
    } else {
      const absolute = resolveOnSite(url, base);
      if (absolute) {
        node.url = absolute;
        return undefined;
      }
      unresolved.push(node);
    }
    parent.children.splice(index, 1, ...(node.children as PhrasingContent[]));
    return [SKIP, index];
  });
  const [first] = unresolved;
  if (first) {
    const count = unresolved.length;
    file.message(
      `${count === 1 ? 'a link to another page or file' : `${count} links to other pages or files`} (${first.url.slice(0, 60)}${count === 1 ? '' : '…'}) kept as text: set \`siteUrl\` in the configuration, or \`url\` in the front matter, to make ${count === 1 ? 'it a link' : 'them links'}`,
      { place: first.position?.start, ruleId: 'link-relative', source: 'triptyque' },
    );
  }
};

/** The front matter's `url` (the page's own address), `baseurl`/`baseURL` (the site's root, Jekyll, Hugo) and `permalink` (the page's path on the site). */
function linkBase(tree: Root, file: VFile): LinkBase {
  const data = readRawFrontMatter(tree)?.data ?? {};
  const text = (key: string) => (typeof data[key] === 'string' && data[key] !== '' ? (data[key] as string) : undefined);
  const configured = typeof file.data['siteUrl'] === 'string' ? (file.data['siteUrl'] as string) : undefined;
  const declaredSite = absoluteUrl(text('baseURL') ?? text('baseurl') ?? configured);
  const permalink = text('permalink');
  const page = absoluteUrl(text('url')) ?? (declaredSite && permalink ? new URL(permalink.replace(/^\//, ''), withSlash(declaredSite)) : undefined);
  // Without a site's root, a root-relative path is read as a browser reads it on the page: from its host.
  const site = declaredSite ?? (page ? new URL('/', page) : undefined);
  return { page, site };
}

function absoluteUrl(text: string | undefined): URL | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function withSlash(url: URL): URL {
  return url.pathname.endsWith('/') ? url : new URL(`${url.href}/`);
}

/**
 * A site's page path as the site serves it: `x.md`/`x.mdx` is the page `x` (Hugo, Docusaurus,
 * VitePress with clean URLs), `index` its folder. Against the page's URL when known, else the
 * site's root (root-relative paths always against the root).
 */
function resolveOnSite(path: string, base: LinkBase): string | undefined {
  if (!base.site && !base.page) return undefined;
  const served = path.replace(/(^|\/)(?:index|README|_index)\.mdx?(?=$|[?#])/i, '$1').replace(/\.(?:mdx?|markdown|qmd|rmd)(?=$|[?#])/i, '');
  try {
    if (served.startsWith('/')) return new URL(served.slice(1), withSlash(base.site ?? new URL('/', base.page))).href;
    return new URL(served, base.page ?? withSlash(base.site!)).href;
  } catch {
    return undefined;
  }
}

export default remarkResolveLinks;
