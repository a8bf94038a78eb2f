import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import { buildKaopingSchema } from './schema';

/** Where the published schema lives: generated from the code, committed, checked for staleness by a test. */
export const SCHEMA_FILE = path.resolve(__dirname, '../../schema.graphql');

/** The schema as SDL, sorted so that it changes only when the API does. */
export async function schemaSdl(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildKaopingSchema())) + '\n';
}

/** Every type, field, argument, input field and enum value without a description, as `Type.field(arg)` paths. */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const has = (d: string | null | undefined) => typeof d === 'string' && d.trim().length > 0;
  for (const t of Object.values(schema.getTypeMap())) {
    if (t.name.startsWith('__')) continue;
    if (!has(t.description)) missing.push(t.name);
    if (isObjectType(t) || isInterfaceType(t)) {
      for (const f of Object.values(t.getFields())) {
        if (!has(f.description)) missing.push(`${t.name}.${f.name}`);
        for (const a of f.args) if (!has(a.description)) missing.push(`${t.name}.${f.name}(${a.name})`);
      }
    } else if (isInputObjectType(t)) {
      for (const f of Object.values(t.getFields())) if (!has(f.description)) missing.push(`${t.name}.${f.name}`);
    } else if (isEnumType(t)) {
      for (const v of t.getValues()) if (!has(v.description)) missing.push(`${t.name}.${v.name}`);
    }
  }
  return missing;
}

// `npm run schema`: writes server/schema.graphql
if (require.main === module) {
  void schemaSdl().then((sdl) => {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${SCHEMA_FILE}`);
  });
}
