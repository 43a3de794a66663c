import { describe, expect, it, vi } from 'vitest';

describe('a program the suite calls beside Node', () => {
  it('that is missing fails the test with the Debian package to install, never skips it', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    vi.resetModules();
    try {
      const { tool } = await import('./tools');
      expect(() => tool('soffice')).toThrow('this test needs soffice, which is not installed: apt-get install libreoffice-impress libreoffice-writer');
      expect(() => tool('qpdf')).toThrow('apt-get install qpdf');
      expect(() => tool('pdftotext')).toThrow('apt-get install poppler-utils');
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('that is there is run by its name', async () => {
    const { tool } = await import('./tools');
    expect(tool('pandoc')).toBe('pandoc');
  });
});
