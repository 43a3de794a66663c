import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

/**
 * pdf-lib compresses every stream it writes with pako, zlib in JavaScript: in a build's cold
 * process that is a third of the brochure's PDF work (imposing and saving three PDFs: 340 -> 210
 * ms), for each stream allocates zlib's tables anew and runs before the JIT has warmed up. Node's
 * own zlib writes the same format in C. pdf-lib 1.17 calls pako's one-shot `deflate` with the
 * bytes alone; that call (and only it: jszip streams through `pako.Deflate`) goes to Node's zlib.
 * Imported for this effect by the targets that write PDFs.
 */
const pako = createRequire(import.meta.url)('pako') as { deflate: (data: Uint8Array, options?: unknown) => Uint8Array };
const pakoDeflate = pako.deflate;
pako.deflate = (data, options) => (options === undefined ? deflateSync(data) : pakoDeflate(data, options));

/** The deflate pdf-lib uses now (for the test that it is Node's). */
export const pdfLibDeflate = (data: Uint8Array): Uint8Array => pako.deflate(data);
