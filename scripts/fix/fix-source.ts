import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { parseMarkdown } from '../source/processor';
import { extraFixes } from './extra-fixes';
import { applyEditGroups } from './source-edit';

/** What one fix did, located in the text it was applied to. */
export interface AppliedFix {
  ruleId: string;
  line: number;
  column: number;
}

export interface FixResult {
  text: string;
  fixes: AppliedFix[];
}

/** Rounds after which fixes that keep uncovering more are stopped: each round fixes at least one. */
const MAX_ROUNDS = 20;

/**
 * Applies every safe fix the lint and the extra finders offer, as span replacements on the text:
 * what is not fixed stays byte-identical. Fixes that touch the same span, or that a first fix
 * brings to light (a heading level after another), are applied in later rounds until none is left.
 */
export async function fixSource(text: string, path: string): Promise<FixResult> {
  const fixes: AppliedFix[] = [];
  let current = text;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const file = new VFile({ path, value: current });
    const tree = await parseMarkdown(file);
    for (const extra of extraFixes) extra(tree, file);
    const fixable = file.messages.filter((message): message is VFileMessage & { fix: NonNullable<VFileMessage['fix']> } => message.fix !== undefined);
    if (fixable.length === 0) break;
    const { text: next, applied } = applyEditGroups(current, fixable.map((message) => message.fix));
    for (const index of applied) {
      const message = fixable[index]!;
      fixes.push({ ruleId: message.ruleId ?? 'fix', line: message.line ?? 1, column: message.column ?? 1 });
    }
    if (next === current) break;
    current = next;
  }
  return { text: current, fixes: fixes.sort((a, b) => a.line - b.line || a.column - b.column) };
}
