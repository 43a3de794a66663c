import type { Marp } from '@marp-team/marp-core';

/** `marp`, whose stylesheet declares none of KaTeX's fonts at Marp's relative paths (`katex-font-faces.mjs`). */
export declare function withoutKatexFontFiles<M extends Marp>(marp: M): M;
