// Write repomod.schema.json from the built registry (run `npm run build` first; `npm run schema` does both).
import { writeFileSync } from 'node:fs';
import { configSchemaText, SCHEMA_FILE } from '../dist/transforms/config-schema.js';

writeFileSync(new URL(`../${SCHEMA_FILE}`, import.meta.url), configSchemaText());
