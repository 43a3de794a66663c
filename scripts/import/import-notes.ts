/** What `import` tells a person about what it changed or left out of a document. */
export const IMPORT_NOTES = {
  trackedChanges: 'the document has tracked changes: insertions were accepted and deletions dropped, as Word\'s "Accept All Changes" would',
  commentsDropped: (count: number) => `${count} comment${count === 1 ? '' : 's'} left out (a source has no comments): read them in the original`,
};
