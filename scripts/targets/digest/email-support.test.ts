import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { caniemail } from 'caniemail';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { digestTarget } from './render-digest';
import { REAL_SOURCE, digestContext } from './test-context';

/**
 * Gmail, Outlook, Apple Mail and the French webmails in caniemail's data. Free's webmail (Zimbra)
 * has no entry in caniemail 1: it is not checked here.
 */
const CLIENTS: Parameters<typeof caniemail>[0]['clients'] = ['gmail.*', 'outlook.*', 'apple-mail.*', 'orange.*', 'sfr.*', 'laposte.*'];

/** Features some of these clients lack, each used knowingly: the message reads right without them. */
const ACCEPTED_GAPS: Record<string, string> = {
  '@media': 'only the kept <style> blocks use media queries (narrower gutters, dark mode); the fluid column works without them',
  '<style> element': 'everything that matters is inlined; the blocks left hold media queries only',
  '<body> element': 'webmails drop <body>: the wrapper div repeats lang, dir and the background',
  'lang attribute': 'Orange ignores lang; nothing replaces it, and it harms no one',
  'role attribute': 'role="presentation" is for screen readers; clients that drop it show the same tables',
  'display:none': 'the preheader is also hidden by max-height:0, overflow, 1px type, opacity and mso-hide',
  opacity: 'one of the preheader’s layered ways of hiding',
  overflow: 'one of the preheader’s layered ways of hiding (mso-hide covers Outlook)',
  'text-decoration': 'SFR’s apps ignore it: links keep their default underline, the button’s label gets one too',
};

/**
 * html-validate's recommended rules, less those that flag what every email must do. Each one
 * turned off says why.
 */
const EMAIL_VALIDATION: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Email clients drop or ignore <style>: inline styles are the only styles that reach Gmail's apps.
    'no-inline-style': 'off',
    // Outlook's Word engine reads width, cellpadding, cellspacing, bgcolor and align, not CSS.
    'no-deprecated-attr': 'off',
    // The fixed 600 px table for Outlook lives in `<!--[if mso]>` comments.
    'no-conditional-comment': 'off',
    // Some webmails rename or drop HTML5 sectioning elements they do not know: the main landmark is a role on a div.
    'prefer-native-element': ['error', { exclude: ['main'] }],
    // Parsers add <tbody>; email HTML leaves it out like every other byte it can spare.
    'prefer-tbody': 'off',
  },
};

describe('the digest HTML against email client support data', () => {
  let html: string;

  beforeAll(async () => {
    const context = await digestContext(REAL_SOURCE, { unsubscribeUrl: 'https://arifor.example/desinscription?email={email}' });
    await digestTarget.render(context);
    html = await readFile(join(context.outDir, 'digest.html'), 'utf8');
  });

  it('uses no feature Gmail, Outlook, Apple Mail, Orange, SFR or La Poste lack, except the accepted ones', () => {
    const { issues } = caniemail({ clients: CLIENTS, html });
    const unexpected: string[] = [];
    for (const [client, list] of issues.errors) {
      for (const issue of list) if (!(issue.title in ACCEPTED_GAPS)) unexpected.push(`${issue.title} (${client})`);
    }
    expect(unexpected).toEqual([]);
  });

  it('accepts no gap it does not need (the list stays honest)', () => {
    const { issues } = caniemail({ clients: CLIENTS, html });
    const seen = new Set([...issues.errors.values()].flat().map((issue) => issue.title));
    expect(Object.keys(ACCEPTED_GAPS).filter((title) => !seen.has(title))).toEqual([]);
  });

  it('is valid HTML under the email configuration of html-validate', async () => {
    const report = await new HtmlValidate(EMAIL_VALIDATION).validateString(html);
    const messages = report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message} (line ${message.line})`));
    expect(messages).toEqual([]);
  });
});
