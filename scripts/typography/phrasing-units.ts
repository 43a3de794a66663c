import type { Parent, PhrasingContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { OBJECT_REPLACEMENT } from './characters';
import type { Rule } from './edit';
import { superscript } from './superscript';
import type { Unit } from './typeset';
import { applyRules } from './typeset';
import { linkShowsAddress } from './url-spans';

/** Where each editable text node sits, to put its new content back. */
type Owners = Map<Text, Parent>;

/**
 * Typesets the inline content of one block (paragraph, heading, table cell) as a single text,
 * then writes each change back into the text node it belongs to. Only text nodes change; an
 * ordinal suffix splits its text node around a superscript.
 */
export function typesetPhrasing(block: Parent, rules: readonly Rule[]): void {
  const owners: Owners = new Map();
  const units = unitsOf(block, false, owners);
  writeBack(applyRules(units, rules), owners);
}

function unitsOf(parent: Parent, locked: boolean, owners: Owners): Unit[] {
  return (parent.children as PhrasingContent[]).flatMap((child): Unit[] => {
    switch (child.type) {
      case 'text':
        if (!locked) owners.set(child, parent);
        return child.value.split('').map((char) => ({ char, node: child, ...(locked ? { locked } : {}) }));
      case 'superscript':
        return unitsOf(child, true, owners);
      case 'link':
        return unitsOf(child, locked || linkShowsAddress(child.url, toString(child)), owners);
      case 'break':
        return [{ char: '\n' }];
      default:
        return 'children' in child ? unitsOf(child, locked, owners) : [{ char: OBJECT_REPLACEMENT }];
    }
  });
}

function writeBack(units: readonly Unit[], owners: Owners): void {
  const unitsByNode = new Map<Text, Unit[]>([...owners.keys()].map((node) => [node, []]));
  for (const unit of units) if (unit.node && !unit.locked) unitsByNode.get(unit.node)?.push(unit);

  const replacements = new Map<Text, PhrasingContent[]>();
  for (const [node, own] of unitsByNode) replacements.set(node, piecesOf(node, own));

  for (const parent of new Set(owners.values())) {
    parent.children = (parent.children as PhrasingContent[]).flatMap((child) =>
      child.type === 'text' ? (replacements.get(child) ?? [child]) : [child],
    ) as Parent['children'];
  }
}

/** The node itself with its new value, or plain and raised pieces when it holds an ordinal. */
function piecesOf(node: Text, units: readonly Unit[]): PhrasingContent[] {
  if (!units.some((unit) => unit.raised)) {
    node.value = units.map((unit) => unit.char).join('');
    return node.value === '' ? [] : [node];
  }
  const pieces: PhrasingContent[] = [];
  let run = '';
  let raised = false;
  const flush = (): void => {
    if (run !== '') pieces.push(raised ? superscript(run) : { type: 'text', value: run });
    run = '';
  };
  for (const unit of units) {
    if ((unit.raised ?? false) !== raised) {
      flush();
      raised = unit.raised ?? false;
    }
    run += unit.char;
  }
  flush();
  return pieces;
}
