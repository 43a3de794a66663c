import type { VFile } from 'vfile';
import type { TargetReport } from '../artifacts/report';
import type { ArtifactRecord, ArtifactWriter } from '../artifacts/write-artifact';
import type { BrowserService } from '../browser/browser-service';
import type { Settings } from '../config/schema';
import type { Publication, TargetName } from '../model/types';
import type { PrintTurn } from './print-turns';

export interface TargetContext {
  publication: Publication;
  settings: Settings;
  /** The source file: targets add their diagnostics (vfile messages) here. */
  file: VFile;
  /** `DIR/<slug>/`, already created. */
  outDir: string;
  /** What the last build of this target into `outDir` reported, if one did: a guess at what this one will find. */
  earlier?: TargetReport;
  /** Folder of the source: relative images resolve here. */
  sourceDir: string;
  /** `themes/<theme>/`. */
  themeDir: string;
  /** Folders a page may read: the source's folder, the theme and the package's assets. */
  allowedRoots: readonly string[];
  browser: BrowserService;
  /** Keep this target's page for later work: another source of the build, or the next build of a watch session, will want one. */
  keepPages: boolean;
  write: ArtifactWriter;
  /** A short line of progress for the terminal ("deck: 24 slides measured"). */
  progress: (message: string) => void;
  /** When this target may print, and how it says its HTML is in place (watch writes every HTML before any print). */
  turn: PrintTurn;
  signal?: AbortSignal;
}

export interface TargetResult {
  artifacts: ArtifactRecord[];
  /** Numbers worth reading in the report: slides, pages, splits, bytes... */
  counts: Record<string, number>;
  /** Anything else the report should show (lists of split slides, talk timing...). */
  details?: Record<string, unknown>;
}

/** Every target has this shape: it renders the one model into its artifacts. */
export interface Target {
  name: TargetName;
  render(context: TargetContext): Promise<TargetResult>;
}
