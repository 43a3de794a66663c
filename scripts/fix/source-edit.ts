/** One replacement in a source's text: `text` takes the place of the characters [start, end). */
export interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** The edits that repair what the message reports, when a machine can make them safely. */
    fix?: SourceEdit[];
  }
}

/**
 * Applies groups of edits (one group per fixed message) to `text`. A group that overlaps one
 * already taken is left for the next round: the caller runs the lint again on the result.
 */
export function applyEditGroups(text: string, groups: readonly SourceEdit[][]): { text: string; applied: number[] } {
  const taken: SourceEdit[] = [];
  const applied: number[] = [];
  groups.forEach((group, index) => {
    const overlaps = group.some((edit) => taken.some((other) => edit.start < other.end && other.start < edit.end || (edit.start === edit.end && edit.start === other.start)));
    if (overlaps || group.length === 0) return;
    taken.push(...group);
    applied.push(index);
  });
  let result = text;
  for (const edit of [...taken].sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return { text: result, applied };
}
