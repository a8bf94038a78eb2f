import pino, { type Logger } from 'pino';

/** Structured JSON logs; anything that could carry a secret is redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'kaoping' },
    redact: {
      paths: [
        'password',
        '*.password',
        'adminPassword',
        '*.adminPassword',
        'token',
        '*.token',
        'key',
        '*.key',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'req.headers.authorization',
        'secret',
        '*.secret',
        'variables',
      ],
      censor: '[redacted]',
    },
  });
}
