// The console journey, written once against "a running Kaoping at <url>", so that the spec
// decides how the server is booted (in-process by default, see console.e2e.ts). Each part is a
// file beside this one.
import { ensureAdminBuilt, launchBrowser, type RunningServer } from '../support';
import { basicsJourney } from './basics';
import type { Journey, JourneyAccounts } from './helpers';
import { resultsJourney } from './results';
import { schemesJourney } from './schemes';

export type { JourneyAccounts, RunningServer };

export function describeConsoleJourney(boot: () => Promise<RunningServer>, accounts: JourneyAccounts): void {
  const journey = { accounts } as Journey;

  beforeAll(async () => {
    ensureAdminBuilt();
    journey.server = await boot();
    journey.browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.stop();
  }, 60_000);

  test(
    'an ADMIN works in Chinese, switches to English, signs out; the platform admin sees tenants',
    () => basicsJourney(journey),
    120_000,
  );
  test('an ADMIN imports, edits, publishes and previews a scheme (考核方案)', () => schemesJourney(journey), 120_000);
  test(
    'an ADMIN reads, computes, reviews, approves, publishes and compares results (考核结果)',
    () => resultsJourney(journey),
    180_000,
  );
}
