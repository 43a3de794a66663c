import { z } from 'zod';
import { settingsSchema } from './schema';

/** The file the package ships beside its package.json, for editors (`# yaml-language-server: $schema=`). */
export const JSON_SCHEMA_FILE = 'triptyque.config.schema.json';

/** The configuration's JSON Schema, made from the zod schema the loader validates with: the two cannot disagree. */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(settingsSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Triptyque configuration (triptyque.config.yaml)' }, null, 2)}\n`;
}
