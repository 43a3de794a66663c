// `npm run schema`: writes the configuration's JSON Schema the package ships, after a change to the zod schema.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths';
import { configJsonSchema, JSON_SCHEMA_FILE } from './json-schema';

writeFileSync(join(PACKAGE_ROOT, JSON_SCHEMA_FILE), configJsonSchema());
