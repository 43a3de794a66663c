/** What `import` tells a person about what it changed or left out of a document: in English, the language of the command line, one place for a translator. */
export const IMPORT_NOTES = {
  trackedChanges: 'the document has tracked changes: insertions were accepted and deletions dropped, as Word\'s "Accept All Changes" would',
  commentsDropped: (count: number) => `${count} comment${count === 1 ? '' : 's'} left out (a source has no comments): read them in the original`,
  equationsAsText: (count: number) => `${count} equation${count === 1 ? '' : 's'} could not be read as math and ${count === 1 ? 'is' : 'are'} kept as ${count === 1 ? 'its' : 'their'} characters in the text: write ${count === 1 ? 'it' : 'them'} again as $$TeX$$`,
  needsLibreOffice: 'reading an OpenDocument file needs LibreOffice: install it (Debian: `apt-get install libreoffice-writer`) and run the import again.',
  conversionFailed: (detail?: string) => `LibreOffice could not convert the file${detail ? ` (${detail})` : ''}: open it in LibreOffice and save it as .docx.`,
};
