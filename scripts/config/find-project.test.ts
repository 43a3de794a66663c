import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers';
import { PACKAGE_ROOT } from '../paths';
import { configJsonSchema, JSON_SCHEMA_FILE } from './json-schema';
import { findProject, loadConfig } from './load';
import { settingsSchema } from './schema';

describe('the configuration a command finds', () => {
  it('is the one in the current folder or the nearest parent, and the project is its folder', () => {
    const root = tempDir();
    mkdirSync(join(root, 'content', 'drafts'), { recursive: true });
    writeFileSync(join(root, 'triptyque.config.yml'), 'organisation: Les Amis du Lac\n');
    const project = findProject(join(root, 'content', 'drafts'));
    expect(project).toEqual({ root, config: join(root, 'triptyque.config.yml') });
    expect(loadConfig(project.root, project.config).settings.organisation).toBe('Les Amis du Lac');
  });

  it('may be JSON, and one named with --config wins over the one around', () => {
    const root = tempDir();
    writeFileSync(join(root, 'triptyque.config.yaml'), 'organisation: Around\n');
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere', 'triptyque.config.json'), '{ "organisation": "Named", "deck": { "pace": 150 } }\n');
    const project = findProject(root, 'elsewhere/triptyque.config.json');
    expect(project.root).toBe(join(root, 'elsewhere'));
    expect(loadConfig(project.root, project.config).settings).toMatchObject({ organisation: 'Named', deck: { pace: 150 } });
    expect(() => findProject(root, 'missing.yaml')).toThrow('--config missing.yaml: no such file');
  });

  it('is none outside any project: every default, with nobody\'s name, sender or theme', () => {
    const root = tempDir();
    expect(findProject(root)).toEqual({ root });
    const defaults = loadConfig(root).settings;
    expect(defaults.organisation).toBeUndefined();
    expect(defaults.theme).toBe('triptyque');
    expect(JSON.stringify(defaults)).not.toMatch(/arifor/i);
    expect(JSON.stringify(settingsSchema.parse({}))).not.toMatch(/arifor/i);
  });
});

describe('the JSON Schema the package ships for editors', () => {
  it('is the one the zod schema gives (`npm run schema` after a change)', () => {
    expect(readFileSync(join(PACKAGE_ROOT, JSON_SCHEMA_FILE), 'utf8')).toBe(configJsonSchema());
  });
});
