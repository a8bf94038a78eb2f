import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildKaopingSchema } from '../../server/src/graphql/schema';
import { SCHEMA_FILE, schemaSdl, undescribed } from '../../server/src/graphql/schema-sdl';

test('server/schema.graphql is generated from the code and up to date (npm run schema)', async () => {
  const committed = readFileSync(SCHEMA_FILE, 'utf8');
  const current = await schemaSdl();
  if (committed !== current) throw new Error(`server/schema.graphql is stale: run \`npm run schema\` and commit it`);
  expect(committed).toContain('type Query');
  expect(committed).toContain('createWebhook(');
});

test('every type, field, argument, input field and enum value has a description', async () => {
  // A third-party developer reads server/schema.graphql as the API reference: nothing may be left unexplained.
  expect(undescribed(await buildKaopingSchema())).toEqual([]);
});

test("the console's generated GraphQL types are up to date with the schema (npm run schema)", () => {
  try {
    execFileSync('npm', ['run', '-s', 'codegen:check', '-w', '@kaoping/admin'], {
      cwd: path.join(__dirname, '../..'),
      stdio: 'pipe',
      timeout: 60_000,
    });
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: Buffer; stderr?: Buffer };
    const out = `${stdout?.toString() ?? ''}${stderr?.toString() ?? ''}`;
    throw new Error(`admin/src/generated/graphql.ts is stale: run \`npm run schema\` and commit it\n${out}`);
  }
});
