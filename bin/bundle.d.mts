/** The bundled CLI's entry for the sources under `root`/scripts, made if it is not there yet. */
export function cliBundle(root: string): Promise<string>;
