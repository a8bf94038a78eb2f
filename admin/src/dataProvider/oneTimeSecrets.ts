// Secrets the server shows once (a new API key) bypass react-admin's record cache: the data
// provider parks them here by record id, and the page that shows them takes them (once).
const pending = new Map<string, string>();

export const parkSecret = (id: string | number, secret: string): void => {
  pending.set(String(id), secret);
};

export const takeSecret = (id: string | number): string | undefined => {
  const secret = pending.get(String(id));
  pending.delete(String(id));
  return secret;
};
