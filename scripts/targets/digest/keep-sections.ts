import type { Position } from 'unist';
import { inlinePlainText } from './condense-inline';
import type { DigestEdition, DigestGroup, DigestItem } from './digest-edition';

/** The first section an edition cut to its first sections leaves out: where the warning points. */
export interface LeftOutSection {
  title: string;
  position?: Position;
}

/** Sections of an edition, in document order: each group's heading, then its items. */
export function sectionCount(edition: DigestEdition): number {
  return edition.groups.reduce((sum, group) => sum + 1 + group.items.length, 0);
}

/**
 * The edition's first `count` sections in document order, and a count of the rest for the line
 * that ends the list. A group comes before its items, so what is kept still reads as a table of
 * contents; a group heading whose items would all be left out goes too, rather than stand alone.
 */
export function keepSections(edition: DigestEdition, count: number): { edition: DigestEdition; firstLeftOut?: LeftOutSection } {
  const order = edition.groups.flatMap((group) => [{ group, item: undefined as DigestItem | undefined }, ...group.items.map((item) => ({ group, item }))]);
  let end = Math.max(0, Math.min(count, order.length));
  const last = order[end - 1];
  if (last && !last.item && last.group.items.length > 0) end--;
  const groups: DigestGroup[] = [];
  for (const { group, item } of order.slice(0, end)) {
    if (!item) groups.push({ ...group, items: [] });
    else groups.at(-1)!.items.push(item);
  }
  const next = order[end];
  const section = next && (next.item ?? next.group);
  return {
    edition: { ...edition, groups, sectionsLeftOut: order.length - end },
    firstLeftOut: section && { title: inlinePlainText(section.title), position: section.position },
  };
}
