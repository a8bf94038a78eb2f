export const SCOPES = ['results:read', 'schemes:read'];
export const scopeChoices = SCOPES.map(s => ({ id: s, name: `resources.apiKeys.scopes.${s}` }));
