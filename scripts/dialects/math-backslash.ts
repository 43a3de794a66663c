import type { Code, Construct, Effects, State, TokenizeContext } from 'micromark-util-types';
import { markdownLineEnding } from 'micromark-util-character';
// Its declaration of the math token types (mathText...), which mdast-util-math reads.
import type {} from 'micromark-extension-math';
import type { Processor } from 'unified';

const BACKSLASH = 92;
const CLOSING: Record<number, number> = { 40: 41, 91: 93 };

/**
 * Pandoc's `tex_math_single_backslash` (on in R Markdown): `\(...\)` inline math and `\[...\]`
 * displayed math. micromark-extension-math reads only dollars, and an escape would eat the
 * backslash first, so this text construct comes before the escape and makes the tokens
 * mdast-util-math (from remark-math, in the same extension) turns into `inlineMath`.
 */
const mathBackslash: Construct = { name: 'mathBackslash', tokenize: tokenizeMathBackslash };

function tokenizeMathBackslash(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  let close = 0;
  const closing: Construct = {
    partial: true,
    tokenize: (inner, yes, no) => (code: Code) => {
      inner.enter('mathTextSequence');
      inner.consume(code);
      return (next: Code) => {
        if (next !== close) return no(next);
        inner.consume(next);
        inner.exit('mathTextSequence');
        return yes;
      };
    },
  };
  const start: State = (code) => {
    effects.enter('mathText');
    effects.enter('mathTextSequence');
    effects.consume(code);
    return open;
  };
  const open: State = (code) => {
    if (code === null || !(code in CLOSING)) return nok(code);
    close = CLOSING[code]!;
    effects.consume(code);
    effects.exit('mathTextSequence');
    return between;
  };
  const between: State = (code) => {
    if (code === null) return nok(code);
    if (markdownLineEnding(code)) {
      effects.enter('lineEnding');
      effects.consume(code);
      effects.exit('lineEnding');
      return between;
    }
    if (code === BACKSLASH) return effects.attempt(closing, done, escaped)(code);
    effects.enter('mathTextData');
    return data(code);
  };
  const data: State = (code) => {
    if (code === null || markdownLineEnding(code) || code === BACKSLASH) {
      effects.exit('mathTextData');
      return between(code);
    }
    effects.consume(code);
    return data;
  };
  // A backslash that does not close: it and the character it escapes are TeX (`\\`, `\{`).
  const escaped: State = (code) => {
    effects.enter('mathTextData');
    effects.consume(code);
    return (next: Code) => {
      if (next === null || markdownLineEnding(next)) {
        effects.exit('mathTextData');
        return between(next);
      }
      effects.consume(next);
      return data;
    };
  };
  const done: State = (code) => {
    effects.exit('mathText');
    return ok(code);
  };
  return start;
}

export default function remarkMathBackslash(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ text: { [BACKSLASH]: mathBackslash } });
}
