import { loadConfig } from '../../server/src/config/config';
import { runMain } from '../support/processes';
import { tempDataDir } from '../support/server';

jest.setTimeout(60_000);

const dataDir = tempDataDir('kp-config-');

test.each([
  ['PORT', 'http', /PORT: must be a port number/],
  ['PORT', '70000', /PORT: must be a port number/],
  ['DATABASE_URL', 'mysql://x@y/z', /DATABASE_URL: must be a postgres:\/\/ URL/],
  ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
  ['API_KEY_RATE_LIMIT', '-5', /API_KEY_RATE_LIMIT: must be a positive whole number/],
  ['API_KEY_RATE_PER_SECOND', 'fast', /API_KEY_RATE_PER_SECOND: must be a positive number/],
  ['SEED_DEMO', 'maybe', /SEED_DEMO/],
  ['ADMIN_EMAIL', 'nobody', /ADMIN_EMAIL/],
])('%s=%s is refused, naming the variable', (name, value, message) => {
  expect(() => loadConfig({}, { DATA_DIR: dataDir, [name]: value })).toThrow(message);
});

test('good values are read; empty ones count as unset', () => {
  const c = loadConfig(
    {},
    {
      DATA_DIR: dataDir,
      PORT: '0',
      API_KEY_RATE_LIMIT: '7',
      API_KEY_RATE_PER_SECOND: '0.5',
      SEED_DEMO: 'off',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
  );
  expect([c.port, c.rateLimitBurst, c.rateLimitPerSecond, c.seedDemo, c.databaseUrl, c.logLevel]).toEqual([
    0,
    7,
    0.5,
    false,
    undefined,
    'warn',
  ]);
  expect(loadConfig({}, { DATA_DIR: dataDir }).port).toBe(4000);
});

test('the server process stops at start with a message naming the bad variable', async () => {
  const p = runMain({ DATA_DIR: dataDir, PORT: '80a', DB_POOL_MAX: '0' });
  expect(await p.exited).toBe(1);
  expect(p.output()).toMatch(/Kaoping failed to start: Invalid environment: .*PORT: must be a port number/);
  expect(p.output()).toMatch(/DB_POOL_MAX: must be a positive whole number/);
});
