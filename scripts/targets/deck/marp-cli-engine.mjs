// marp-cli's functional engine for deck.html (`export-html.ts`, `--engine`): the Marp Core marp-cli
// would use anyway, with the slide splitting `render-marp.ts` renders with (`linear-slides.mjs`).
// Plain ESM, for marp-cli imports it natively, inside vitest too.
import { linearSlides } from './linear-slides.mjs';

export default ({ marp }) => marp.use(linearSlides);
