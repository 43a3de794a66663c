import { join, resolve } from 'node:path';
import { findProject, type Project } from '../config/load';
import type { CommandIo } from './command';

/** The project a command works on: `--config`, else the configuration in the folder or its parents. */
export function projectOf(io: CommandIo): Project {
  return findProject(io.cwd, io.config);
}

/** `--out` as typed (from the current folder), else the project's `output/`. */
export function outDirOf(io: CommandIo, project: Project, out: string | undefined): string {
  return out === undefined ? join(project.root, 'output') : resolve(io.cwd, out);
}
