import type { Marpit } from '@marp-team/marpit';

/** Marpit's slide splitting in linear time (`linear-slides.mjs`): for `marp.use(linearSlides)`. */
export declare const linearSlides: Parameters<Marpit['use']>[0];
