// The admin console in a real browser against a real server, booted in-process on a free port
// with its own data directory (embedded PostgreSQL), the demo tenant seeded, and the built
// console (admin/dist, built once by support.ensureAdminBuilt when missing or stale) at /admin.
import { describeConsoleJourney } from './journey';
import { bootServer } from './support';

const PLATFORM_ADMIN = { email: 'admin@example.com', password: 'admin' };

describeConsoleJourney(() => bootServer('browser', PLATFORM_ADMIN), {
  demoAdmin: { email: 'demo@example.com', password: 'demo', tenant: 'demo' },
  platformAdmin: PLATFORM_ADMIN,
});
