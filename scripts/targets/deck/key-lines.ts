// wink-nlp declares its utilities' modules in its main types file.
/// <reference types="wink-nlp" />
// The 2-letter table alone: the package's index also loads every language's record (780 KB, ~75 ms).
import { iso6393To1 } from 'iso-639-3/iso6393-to-1.js';
import * as stopword from 'stopword';
import bm25Vectorizer from 'wink-nlp/utilities/bm25-vectorizer';
import similarity from 'wink-nlp/utilities/similarity';
import type { Inline } from '../../model/types';
import { plainText, segmenter, sentenceRanges, sliceInline, wordCount } from './inline-text';

/**
 * The line a talk slide shows for a paragraph or a list item: its key sentence, or the key clause
 * of a sentence too long for a line, in the source's own words and cut only where a sentence or
 * a clause ends (never mid-phrase, never with an ellipsis); the whole of it goes to the notes.
 *
 * Candidates are the sentences that fit a line and, inside longer ones, the runs of clauses that do
 * (clauses end at `, ; : — –` and before a parenthesis; a run starts where the sentence does or
 * after `: ; —`). They are ranked by how much they share the salient words of their paragraph and
 * of their section: BM25 weights (TF-IDF with saturation) learnt over the document's paragraphs by
 * wink-nlp, without the language's stop words (the `stopword` lists), cosine similarity, and the
 * lead sentence and whole sentences slightly preferred, as summarisers do.
 */

/** One place a line may come from: plain-text offsets in its paragraph. */
export interface KeyLine {
  range: [number, number];
  /** The paragraph was longer than the line. */
  shortened: boolean;
}

export interface KeyLineOptions {
  /** Words a line may hold. */
  wordsPerLine: number;
}

type Bow = ReturnType<ReturnType<typeof bm25Vectorizer>['bowOf']>;

/** Picks key lines for one document: its words' weights are learnt once, from all its prose. */
export class KeyLines {
  readonly #lang: string;
  readonly #stop: ReadonlySet<string>;
  readonly #vectorizer = bm25Vectorizer();
  readonly #bows = new Map<string, Bow>();
  /** Each text is cut into words once (the segmenter is the costly part). */
  readonly #placed = new Map<string, { term: string; at: number }[]>();

  constructor(texts: readonly string[], lang: string) {
    this.#lang = lang;
    this.#stop = stopWords(lang);
    // A document with no prose still answers (every candidate then scores alike).
    for (const text of [...texts, '']) this.#vectorizer.learn(this.terms(text));
  }

  /** Content words of `text`: word-like segments in the document's language, lower-cased, elisions and stop words left out. */
  terms(text: string): string[] {
    return this.#placedTerms(text).map((placed) => placed.term);
  }

  /** The content words of `text` with where each starts. */
  #placedTerms(text: string): { term: string; at: number }[] {
    const known = this.#placed.get(text);
    if (known) return known;
    const out: { term: string; at: number }[] = [];
    this.#placed.set(text, out);
    for (const { segment, index } of words(text, this.#lang)) {
      for (const part of segment.toLocaleLowerCase(this.#lang).split(/['’]/u)) {
        if (part.length > 1 && /[\p{L}\p{N}]/u.test(part) && !this.#stop.has(part)) out.push({ term: part, at: index });
      }
    }
    return out;
  }

  /**
   * The key line of `children`, ranked against the paragraph itself and the texts around it (its
   * section); `last`: from its last sentence only (what leads into a list).
   */
  pick(children: readonly Inline[], around: readonly string[], options: KeyLineOptions & { last?: boolean }): KeyLine {
    const text = plainText(children);
    if (wordCount(text) <= options.wordsPerLine) return { range: withoutSeparator(text, trimmed(text, 0, text.length)), shortened: false };
    const found = keyLineCandidates(text, this.#lang, options.wordsPerLine, options.last ?? false);
    if (found.candidates.length === 0) return { range: withoutSeparator(text, found.firstClause), shortened: true };
    const paragraph = this.#bow(text);
    const placed = this.#placedTerms(text);
    const contexts = around.map((context) => this.#bow(context));
    let best = found.candidates[0]!;
    let bestScore = -Infinity;
    for (const candidate of found.candidates) {
      const [from, to] = candidate.range;
      const bow = this.#vectorizer.bowOf(placed.filter(({ at }) => at >= from && at < to).map(({ term }) => term));
      // How much of what the paragraph says the line carries (weight covered, closeness), and how close it stays to the section's subject.
      const covered = (coverage(bow, paragraph) + similarity.bow.cosine(bow, paragraph)) / 2;
      const onSubject = contexts.length === 0 ? 0 : contexts.reduce((sum, context) => sum + similarity.bow.cosine(bow, context), 0) / contexts.length;
      const score = covered + SUBJECT_WEIGHT * onSubject + (candidate.sentence === 0 ? LEAD_BONUS : 0) + (candidate.whole ? WHOLE_BONUS : 0) - (candidate.midSentence ? MID_SENTENCE_COST : 0) - (candidate.opening ? OPENING_COST : 0);
      if (score > bestScore) [best, bestScore] = [candidate, score];
    }
    return { range: withoutSeparator(text, best.range), shortened: true };
  }

  #bow(text: string): Bow {
    let bow = this.#bows.get(text);
    if (!bow) {
      bow = this.#vectorizer.bowOf(this.terms(text));
      this.#bows.set(text, bow);
    }
    return bow;
  }
}

/** The share of the paragraph's weight of words (its BM25 weights, squared) that `line` carries too. */
function coverage(line: Bow, paragraph: Bow): number {
  let shared = 0;
  let total = 0;
  for (const [term, weight] of Object.entries(paragraph)) {
    total += weight * weight;
    if (term in line) shared += weight * weight;
  }
  return total === 0 ? 0 : shared / total;
}

/** Closeness to the section's subject counts half as much as what the line carries of its paragraph. */
const SUBJECT_WEIGHT = 0.5;
/** The lead sentence usually states the point (the "lead" baseline of summarisation). */
const LEAD_BONUS = 0.3;
/** A whole sentence reads better than a clause lifted out of one. */
const WHOLE_BONUS = 0.1;
/** A run that starts after a colon or semicolon leaves what led to it unsaid. */
const MID_SENTENCE_COST = 0.05;
/**
 * A run that ends at its sentence's first comma, the sentence going on for more than three times
 * as long, is more likely what opens the sentence ("Quand on construit une coopération au niveau
 * local, ...") than what it says.
 */
const OPENING_COST = 0.15;
/** The last clause of a run shorter than this is an insertion that leads into the next one. */
const MIN_LAST_CLAUSE_WORDS = 5;
/**
 * A run of clauses shorter than this is rather what opens a sentence than a clause ("Par exemple",
 * "A cet effet", "En 2004", "In the meantime"): no line on its own.
 */
const MIN_CLAUSE_WORDS = 6;

interface Candidate {
  range: [number, number];
  sentence: number;
  whole: boolean;
  midSentence: boolean;
  opening?: boolean;
}

/**
 * Where a clause ends inside a sentence: before `, ; : — –` followed by a space, before an opening
 * parenthesis, or before a hyphen between spaces (a dash as typed: "name - what it does").
 */
const CLAUSE_END = /\s*(?:[,;:\u2014\u2013](?=\s)|\s\(|\s-(?=\s))/gu;
/** Where a run of clauses may start inside a sentence: after `: ; —` (or a typed dash) and the space after it. */
const CLAUSE_START = /(?:[;:\u2014]|\s-)(?:\s|\u00a0|\u202f)+/gu;

/**
 * The lines of `text` that fit in `maxWords` words (of its last sentence only, with `last`), and
 * its first complete clause for when none does (a long sentence with no punctuation to cut at):
 * what the slide keeps then, however long.
 */
export function keyLineCandidates(text: string, lang: string, maxWords: number, last = false): { candidates: Candidate[]; firstClause: [number, number] } {
  const stop = stopWords(lang);
  // A run that ends on a word that needs what follows ("des acteurs qui", "the rules of") stops mid-phrase.
  const endsOnStopWord = (run: string) => stop.has(run.match(/[\p{L}\p{N}]+$/u)?.[0]?.toLocaleLowerCase(lang) ?? '');
  const all = sentenceRanges(text, lang);
  const sentences = last ? all.slice(-1) : all;
  const candidates: Candidate[] = [];
  let firstClause: [number, number] | undefined;
  sentences.forEach(([from, to], index) => {
    const sentence = last ? all.length - 1 : index;
    if (wordCount(text.slice(from, to)) <= maxWords) {
      candidates.push({ range: [from, to], sentence, whole: true, midSentence: false });
      firstClause ??= [from, to];
      return;
    }
    const inside = text.slice(from, to);
    const ends = [...inside.matchAll(CLAUSE_END)].map((match) => from + match.index).filter((end) => end > from);
    const starts = [from, ...[...inside.matchAll(CLAUSE_START)].map((match) => from + match.index + match[0].length)].filter((start) => start < to);
    const clause = (start: number, end: number) => {
      const range = trimmed(text, start, end);
      return balanced(text.slice(...range)) && wordCount(text.slice(...range)) >= MIN_CLAUSE_WORDS ? range : undefined;
    };
    let first: [number, number] | undefined;
    for (const start of starts) {
      let previous = start;
      for (const end of ends) {
        if (end <= start) continue;
        const range = clause(start, end);
        const lastClause = previous === start ? Infinity : wordCount(text.slice(previous, end));
        // A parenthesis belongs to the clause before it; a comma inside brackets or quotes ends no clause.
        if (!/^\s*\(/u.test(text.slice(end)) && balanced(text.slice(start, end))) previous = end;
        // A run does not end on a few words set between commas: they open what follows (", mais à un moment, les contraintes...").
        if (!range || lastClause < MIN_LAST_CLAUSE_WORDS || endsOnStopWord(text.slice(...range))) continue;
        if (start === from) first ??= range;
        if (wordCount(text.slice(...range)) > maxWords) break;
        const opening = start === from && end === ends[0] && wordCount(text.slice(from, to)) > 3 * wordCount(text.slice(...range));
        candidates.push({ range, sentence, whole: false, midSentence: start !== from, opening });
      }
      const rest = start === from ? undefined : clause(start, to);
      if (rest && wordCount(text.slice(...rest)) <= maxWords) candidates.push({ range: rest, sentence, whole: false, midSentence: true });
    }
    firstClause ??= first ?? [from, to];
  });
  return { candidates, firstClause: firstClause ?? trimmed(text, 0, text.length) };
}

/** A line does not end on the comma or semicolon that separated it from what follows (a list item's " ;"). */
function withoutSeparator(text: string, [from, to]: [number, number]): [number, number] {
  const end = text.slice(from, to).match(/\s*[,;]$/u);
  return end ? [from, to - end[0].length] : [from, to];
}

/** The inline content of a key line, its first letter a capital when it starts inside a sentence. */
export function keyLineInline(children: readonly Inline[], [from, to]: [number, number]): Inline[] {
  const slice = sliceInline(children, from, to);
  const first = slice[0];
  if (first?.type === 'text' && from > 0) return [{ ...first, value: first.value.replace(/^\p{Ll}/u, (letter) => letter.toLocaleUpperCase()) }, ...slice.slice(1)];
  return slice;
}

/** Every quote or parenthesis opened in `text` is closed in it: a line never ends inside a quotation. */
function balanced(text: string): boolean {
  for (const [open, close] of PAIRS) {
    let depth = 0;
    for (const char of text) {
      if (char === open) depth += 1;
      else if (char === close && (depth -= 1) < 0) return false;
    }
    if (depth !== 0) return false;
  }
  return true;
}

const PAIRS = [['«', '»'], ['“', '”'], ['(', ')'], ['[', ']']] as const;

function trimmed(text: string, from: number, to: number): [number, number] {
  while (from < to && /\s/u.test(text[from]!)) from += 1;
  while (to > from && /\s/u.test(text[to - 1]!)) to -= 1;
  return [from, to];
}

/** Scripts written without spaces between words: only the segmenter's dictionaries find their words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** A word of a script written with spaces, elisions and inner hyphens kept ("l'appui", "co-traitance"). */
const SPACED_WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;

/** The words of `text` and where each starts: by `Intl.Segmenter` where words are not spaced, else between spaces and punctuation (the same words, many times faster). */
function words(text: string, lang: string): { segment: string; index: number }[] {
  if (UNSPACED.test(text)) return [...segmenter(lang, 'word').segment(text)].filter((segment) => segment.isWordLike);
  return [...text.matchAll(SPACED_WORD)].map((match) => ({ segment: match[0], index: match.index }));
}

/** The `stopword` list of a BCP 47 language (its lists are named by ISO 639-3 code); none for a language it lacks. */
function stopWords(lang: string): ReadonlySet<string> {
  let found = stopLists.get(lang);
  if (!found) {
    found = stopList(lang);
    stopLists.set(lang, found);
  }
  return found;
}

const stopLists = new Map<string, ReadonlySet<string>>();

function stopList(lang: string): ReadonlySet<string> {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  const code = primary.length === 3 ? primary : Object.keys(iso6393To1).find((three) => iso6393To1[three] === primary);
  const list = code === undefined ? undefined : (stopword as unknown as Record<string, unknown>)[code];
  return new Set(Array.isArray(list) ? (list as string[]).map((word) => word.toLocaleLowerCase(lang)) : []);
}
