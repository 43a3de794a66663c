/** The bundled CLI's entry for the sources under `root`/scripts, made if it is not there yet. */
export function cliBundle(root: string): Promise<string>;
/** Bundles TypeScript entries under `scripts` into `outdir` (see bundle.mjs). */
export function bundle(options: { entryPoints: Record<string, string>; scripts: string; outdir: string; finalDir?: string; sourcemap?: boolean }): Promise<void>;
