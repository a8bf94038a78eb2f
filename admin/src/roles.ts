import { ROLES } from './session';

/** Role choices for inputs and filters; names are translation keys. What a role may do is the server's (see permissions.ts). */
export const roleChoices = (opts: { includePlatform?: boolean } = {}) =>
  ROLES.filter(r => opts.includePlatform || r !== 'PLATFORM_ADMIN').map(r => ({ id: r, name: `roles.${r}` }));
