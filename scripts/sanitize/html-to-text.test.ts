import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-to-text';

describe('raw HTML reduced to what a reader sees', () => {
  it('keeps the prose and drops scripts, handlers and dangerous links', () => {
    const text = htmlToText('<p>Avant <script>alert("pwned1234")</script><a href="javascript:alert(1)">le lien</a> <img src=x onerror="pwned1234()"> après</p><iframe src="https://evil.example"></iframe>');
    expect(text).toBe('Avant le lien après');
    expect(text).not.toContain('pwned1234');
  });

  it('reads an image as its alt text, as a screen reader would', () => {
    expect(htmlToText('<p align="center"><a href="https://x.example"><img src="https://x.example/logo.svg" alt="Logo"></a><br><b>Fast</b> parser</p>')).toBe('Logo\nFast parser');
  });

  it('keeps the text of formatting tags', () => {
    expect(htmlToText('le 3<sup>e</sup> axe')).toBe('le 3e axe');
  });
});
