import type { Text } from 'mdast';
import type { Edit, Rule } from './edit';
import type { Span } from './url-spans';
import { findUrlSpans } from './url-spans';

/**
 * One UTF-16 code unit of a block's visible text, with the text node it belongs to. A block's
 * text is typeset as one string so that rules see across inline formatting ("*Pourquoi*?"),
 * and every change goes back to the node that owns it.
 */
export interface Unit {
  char: string;
  /** Absent for the stand-ins of code, HTML, breaks...: rules read them, never change them. */
  node?: Text;
  /** Rules read it but never change it: a superscript already set, the text of an autolink. */
  locked?: boolean;
  /** Part of an ordinal suffix, to be set as a superscript. */
  raised?: boolean;
}

/**
 * Runs the rules in order, each one on the text the previous ones left. Most rules find nothing in
 * most blocks: the text and its addresses are only worked out again after a rule changed something.
 */
export function applyRules(units: readonly Unit[], rules: readonly Rule[]): Unit[] {
  let current = [...units];
  let text = textOf(current);
  let urls: Span[] | undefined;
  for (const rule of rules) {
    const edits = rule(text).filter((edit) => changesSomething(edit, text));
    if (edits.length === 0) continue;
    const spans = (urls ??= findUrlSpans(text));
    const next = applyEdits(current, edits.filter((edit) => isEditable(edit, current, spans)));
    if (next === current) continue;
    current = next;
    text = textOf(current);
    urls = undefined;
  }
  return current;
}

/** Typesets a plain string: the same engine as the tree, with the whole string as one node. */
export function typesetString(text: string, rules: readonly Rule[]): string {
  const node: Text = { type: 'text', value: text };
  return textOf(applyRules(text.split('').map((char) => ({ char, node })), rules));
}

function textOf(units: readonly Unit[]): string {
  return units.map((unit) => unit.char).join('');
}

/** The units with the edits made; the very same array when none could be. */
function applyEdits(units: Unit[], edits: Edit[]): Unit[] {
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  let result = units;
  // Applied from the end so earlier offsets stay valid; an edit overlapping one already applied is dropped.
  let appliedFrom = Number.POSITIVE_INFINITY;
  for (const edit of edits) {
    const node = ownerOf(edit, units);
    if (edit.end > appliedFrom || !node) continue;
    const replacement = edit.text.split('').map((char): Unit => ({ char, node, ...(edit.raised ? { raised: true } : {}) }));
    if (result === units) result = [...units];
    result.splice(edit.start, edit.end - edit.start, ...replacement);
    appliedFrom = edit.start;
  }
  return result;
}

function changesSomething(edit: Edit, text: string): boolean {
  return edit.raised === true || text.slice(edit.start, edit.end) !== edit.text;
}

function isEditable(edit: Edit, units: readonly Unit[], urls: readonly Span[]): boolean {
  for (let index = edit.start; index < edit.end; index++) if (!isWritable(units[index])) return false;
  // An insertion at the very edge of an address is outside it ("https://x.fr ?"); inside, it is not.
  const touches = edit.start === edit.end
    ? (span: Span) => span.start < edit.start && edit.start < span.end
    : (span: Span) => span.start < edit.end && edit.start < span.end;
  return !urls.some(touches);
}

function isWritable(unit: Unit | undefined): unit is Unit & { node: Text } {
  return unit?.node !== undefined && unit.locked !== true;
}

/** The text node that receives the edit's new text. */
function ownerOf(edit: Edit, units: readonly Unit[]): Text | undefined {
  if (edit.start < edit.end) return units[edit.start]?.node;
  const before = units[edit.start - 1];
  const after = units[edit.start];
  const [first, second] = edit.attach === 'before' ? [before, after] : [after, before];
  if (isWritable(first)) return first.node;
  if (isWritable(second)) return second.node;
  return undefined;
}
