/** The direction a language's text runs in, from CLDR through Intl: `rtl` for Arabic, Hebrew, Persian, Urdu... */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  try {
    // Node 20 has the `textInfo` getter; later engines the `getTextInfo()` method.
    const locale = new Intl.Locale(lang) as Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };
    return (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    // Not a well-formed tag: the text is shown as most are.
    return 'ltr';
  }
}
