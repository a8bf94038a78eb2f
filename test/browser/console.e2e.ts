// The admin console in a real browser against a real server, booted in-process on a free port
// with its own data directory (embedded PostgreSQL), the demo tenant seeded, and the built
// console (admin/dist, built once by support.ensureAdminBuilt when missing or stale) at /admin.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../../server/src/app';
import { describeConsoleJourney } from './journey';

const PLATFORM_ADMIN = { email: 'admin@example.com', password: 'admin' };

describeConsoleJourney(
  async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaoping-browser-'));
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      seedDemo: true,
      adminEmail: PLATFORM_ADMIN.email,
      adminPassword: PLATFORM_ADMIN.password,
      logLevel: 'warn',
    });
    // startServer's url is the GraphQL endpoint; the console lives on the same origin.
    return {
      url: `http://127.0.0.1:${server.port}`,
      stop: async () => {
        await server.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
  {
    demoAdmin: { email: 'demo@example.com', password: 'demo', tenant: 'demo' },
    platformAdmin: PLATFORM_ADMIN,
  },
);
