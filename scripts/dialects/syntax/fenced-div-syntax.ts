import type { Extension as FromMarkdownExtension, CompileContext, Token as MdastToken } from 'mdast-util-from-markdown';
import { factorySpace } from 'micromark-factory-space';
import { markdownLineEnding, markdownSpace } from 'micromark-util-character';
import type { Code, Construct, Effects, Extension, State, Token, TokenizeContext } from 'micromark-util-types';
import type { FencedDiv } from './syntax-nodes';

/*
 * Pandoc's fenced divs and VitePress's and Docusaurus's containers: a line of three or more
 * colons and an "info" (`::: {.callout-note}`, `::: tip Titre`, `:::tip Title`), the blocks
 * inside, a line of at least as many colons. No published micromark extension reads this form
 * (remark-directive reads `:::name[label]{attrs}` only, and runs first: what it reads stays its
 * own). Built as micromark-extension-directive builds its containers: the inside is a document
 * of its own, so lists, quotes and nested divs parse as anywhere else. Unlike a directive, a
 * div nested with as many colons as its parent closes before it does, as in pandoc.
 */

declare module 'micromark-util-types' {
  interface TokenTypeMap {
    fencedDiv: 'fencedDiv';
    fencedDivFence: 'fencedDivFence';
    fencedDivSequence: 'fencedDivSequence';
    fencedDivInfo: 'fencedDivInfo';
    fencedDivContent: 'fencedDivContent';
  }
}

const COLON = 58;

const nonLazyLine: Construct = { tokenize: tokenizeNonLazyLine, partial: true };

// After the directive constructs: what remark-directive reads stays its own.
const fencedDivConstruct: Construct = { tokenize: tokenizeFencedDiv, concrete: true, add: 'after' };

function tokenizeFencedDiv(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  const tail = self.events[self.events.length - 1];
  const initialSize = tail && tail[1].type === 'linePrefix' ? tail[2].sliceSerialize(tail[1], true).length : 0;
  let sizeOpen = 0;
  let infoSize = 0;
  /** Divs opened inside this one and not closed yet: their closing fences are content. */
  let openInside = 0;
  let previous: Token | undefined;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('fencedDiv');
    effects.enter('fencedDivFence');
    effects.enter('fencedDivSequence');
    return sequenceOpen(code);
  }

  function sequenceOpen(code: Code): State | undefined {
    if (code === COLON) {
      effects.consume(code);
      sizeOpen++;
      return sequenceOpen;
    }
    if (sizeOpen < 3) return nok(code);
    effects.exit('fencedDivSequence');
    return factorySpace(effects, infoStart, 'whitespace')(code);
  }

  function infoStart(code: Code): State | undefined {
    // A line of colons alone closes a div; it never opens one.
    if (code === null || markdownLineEnding(code)) return nok(code);
    effects.enter('fencedDivInfo');
    return info(code);
  }

  function info(code: Code): State | undefined {
    if (code === null || markdownLineEnding(code)) {
      effects.exit('fencedDivInfo');
      effects.exit('fencedDivFence');
      return openAfter(code);
    }
    effects.consume(code);
    infoSize++;
    return info;
  }

  function openAfter(code: Code): State | undefined {
    if (infoSize === 0) return nok(code);
    if (code === null) return after(code);
    if (self.interrupt) return ok(code);
    return effects.attempt(nonLazyLine, contentStart, after)(code);
  }

  function contentStart(code: Code): State | undefined {
    if (code === null) return after(code);
    if (markdownLineEnding(code)) return effects.check(nonLazyLine, emptyContentNonLazyLineAfter, after)(code);
    effects.enter('fencedDivContent');
    return lineStart(code);
  }

  function lineStart(code: Code): State | undefined {
    const prefixed = initialSize ? factorySpace(effects, chunkStart, 'linePrefix', initialSize + 1) : chunkStart;
    const openingFence: Construct = { tokenize: tokenizeOpeningFence, partial: true };
    const closingFence: Construct = { tokenize: tokenizeClosingFence, partial: true };
    return effects.check(openingFence, nestedOpening, (next: Code) => effects.check(closingFence, closingSeen, prefixed)(next))(code);

    function nestedOpening(next: Code): State | undefined {
      openInside++;
      return prefixed(next);
    }

    function closingSeen(next: Code): State | undefined {
      if (openInside > 0) {
        openInside--;
        return prefixed(next);
      }
      return effects.attempt(closingFence, afterContent, prefixed)(next);
    }
  }

  function chunkStart(code: Code): State | undefined {
    if (code === null) return afterContent(code);
    if (markdownLineEnding(code)) return effects.check(nonLazyLine, chunkNonLazyStart, afterContent)(code);
    return chunkNonLazyStart(code);
  }

  function contentContinue(code: Code): State | undefined {
    if (code === null) {
      const token = effects.exit('chunkDocument');
      self.parser.lazy[token.start.line] = false;
      return afterContent(code);
    }
    if (markdownLineEnding(code)) return effects.check(nonLazyLine, nonLazyLineAfter, lineAfter)(code);
    effects.consume(code);
    return contentContinue;
  }

  function chunkNonLazyStart(code: Code): State | undefined {
    const token = effects.enter('chunkDocument', { contentType: 'document', previous });
    if (previous) previous.next = token;
    previous = token;
    return contentContinue(code);
  }

  function emptyContentNonLazyLineAfter(code: Code): State | undefined {
    effects.enter('fencedDivContent');
    return lineStart(code);
  }

  function nonLazyLineAfter(code: Code): State | undefined {
    effects.consume(code);
    const token = effects.exit('chunkDocument');
    self.parser.lazy[token.start.line] = false;
    return lineStart;
  }

  function lineAfter(code: Code): State | undefined {
    const token = effects.exit('chunkDocument');
    self.parser.lazy[token.start.line] = false;
    return afterContent(code);
  }

  function afterContent(code: Code): State | undefined {
    effects.exit('fencedDivContent');
    return after(code);
  }

  function after(code: Code): State | undefined {
    effects.exit('fencedDiv');
    return ok(code);
  }

  /** A fence of at least `sizeOpen` colons alone on its line. */
  function tokenizeClosingFence(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let size = 0;
    return factorySpace(effects, prefixAfter, 'linePrefix', self.parser.constructs.disable.null?.includes('codeIndented') ? undefined : 4);

    function prefixAfter(code: Code): State | undefined {
      effects.enter('fencedDivFence');
      effects.enter('fencedDivSequence');
      return sequence(code);
    }

    function sequence(code: Code): State | undefined {
      if (code === COLON) {
        effects.consume(code);
        size++;
        return sequence;
      }
      if (size < sizeOpen) return nok(code);
      effects.exit('fencedDivSequence');
      return factorySpace(effects, end, 'whitespace')(code);
    }

    function end(code: Code): State | undefined {
      if (code === null || markdownLineEnding(code)) {
        effects.exit('fencedDivFence');
        return ok(code);
      }
      return nok(code);
    }
  }

  /** As many colons as this div's or more, and an info: a div (or a directive) opening inside this one. */
  function tokenizeOpeningFence(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
    let size = 0;
    return factorySpace(effects, prefixAfter, 'linePrefix', 4);

    function prefixAfter(code: Code): State | undefined {
      effects.enter('fencedDivFence');
      return sequence(code);
    }

    function sequence(code: Code): State | undefined {
      if (code === COLON) {
        effects.consume(code);
        size++;
        return sequence;
      }
      // One with fewer colons is closed by fences this div's own closing never matches.
      if (size < sizeOpen) return nok(code);
      return spaces(code);
    }

    function spaces(code: Code): State | undefined {
      if (markdownSpace(code)) {
        effects.consume(code);
        return spaces;
      }
      if (code === null || markdownLineEnding(code)) return nok(code);
      effects.exit('fencedDivFence');
      return ok(code);
    }
  }

}

function tokenizeNonLazyLine(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
  const self = this;
  return start;

  function start(code: Code): State | undefined {
    effects.enter('lineEnding');
    effects.consume(code);
    effects.exit('lineEnding');
    return lineStart;
  }

  function lineStart(code: Code): State | undefined {
    return self.parser.lazy[self.now().line] ? nok(code) : ok(code);
  }
}

/** The micromark extension: fenced divs in flow, tried after directives. */
export function fencedDivSyntax(): Extension {
  return { flow: { [COLON]: [fencedDivConstruct] } };
}

/** Tokens -> `fencedDiv` nodes holding their info as written. */
export function fencedDivFromMarkdown(): FromMarkdownExtension {
  return {
    enter: {
      fencedDiv(this: CompileContext, token: MdastToken) {
        this.enter({ type: 'fencedDiv', info: '', children: [] } as FencedDiv as never, token);
      },
    },
    exit: {
      fencedDivInfo(this: CompileContext, token: MdastToken) {
        const node = this.stack[this.stack.length - 1] as unknown as FencedDiv;
        node.info = this.sliceSerialize(token).trim();
      },
      fencedDiv(this: CompileContext, token: MdastToken) {
        this.exit(token);
      },
    },
  };
}
