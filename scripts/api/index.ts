// The programmatic API: `import { build, check, importDocument } from 'triptyque'`. The CLI is a thin layer on it.
export { build, type BuildEvents, type BuildOptions, type BuildOutcome } from './build';
export { check, type CheckOptions, type CheckOutcome } from './check';
export { importDocument, type ImportOptions, type ImportOutcome } from './import';
export type { Run } from './events';
export type { Failure } from './outcome';
export type { BuildReport, Diagnostic, TargetReport } from '../artifacts/report';
export type { ProgressEvent } from '../core/build';
export type { TargetName } from '../model/types';
