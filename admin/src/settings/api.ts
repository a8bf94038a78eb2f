// The tenant's settings over the fetch helper (ADMIN only; the server enforces it).
import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';
import type { TenantSettings as ApiTenantSettings, TenantSettingsInput } from '../generated/graphql';

export type TenantSettings = Pick<
  ApiTenantSettings,
  'separationOfDuties' | 'timeZone' | 'reminderDays' | 'version' | 'updatedAt'
>;
const FIELDS = 'separationOfDuties timeZone reminderDays version updatedAt';

export const tenantSettings = async (opts?: FetchOptions): Promise<TenantSettings> =>
  (
    await gqlFetch<{ tenantSettings: TenantSettings }>(
      `query tenantSettings { tenantSettings { ${FIELDS} } }`,
      {},
      opts,
    )
  ).tenantSettings;

export const updateTenantSettings = async (input: TenantSettingsInput): Promise<TenantSettings> =>
  (
    await gqlFetch<{ updateTenantSettings: TenantSettings }>(
      `mutation updateTenantSettings($i: TenantSettingsInput!) { updateTenantSettings(input: $i) { ${FIELDS} } }`,
      { i: input },
    )
  ).updateTenantSettings;
