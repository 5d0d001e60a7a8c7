// Writes the JSON Schemas of the exchange formats from their zod validators: `npm run schemas`.
import { writeFileSync } from 'node:fs';
import { tagFileJsonSchema } from '../shared/model/tag-file-schema.ts';

const target = new URL('../schemas/tag-file-v1.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(tagFileJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
