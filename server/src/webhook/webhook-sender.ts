import { createHmac } from 'node:crypto';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export const TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

/** Loopback, private, link-local, carrier-grade NAT, multicast and reserved ranges. */
const BLOCKED = new net.BlockList();
for (const [a, p] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(a, p, 'ipv4');
}
for (const [a, p] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  BLOCKED.addSubnet(a, p, 'ipv6');

/** True for an address a webhook may not reach (IPv4-mapped IPv6 is judged as its IPv4). */
export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
  const family = net.isIP(ip);
  if (family === 0) return true;
  return BLOCKED.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** The host of a URL as an address when it is one (brackets of IPv6 removed), else null. */
function literalAddress(host: string): string | null {
  const h = host.replace(/^\[|\]$/g, '');
  return net.isIP(h) ? h : null;
}

/** Why a webhook URL is refused, or null: http(s) only; with private addresses off, no literal private address or localhost. */
export function urlProblem(raw: string, allowPrivate: boolean): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'only http and https URLs';
  if (u.username || u.password) return 'no user or password in the URL';
  if (allowPrivate) return null;
  const lit = literalAddress(u.hostname);
  if ((lit && isPrivateAddress(lit)) || /^localhost\.?$/i.test(u.hostname) || /\.localhost\.?$/i.test(u.hostname))
    return 'private and loopback addresses are refused';
  return null;
}

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the Kaoping-Webhook-Signature header. */
export function signature(secret: string, timestamp: number, body: string): string {
  return 'v1=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * One POST: never follows a redirect (a 3xx is a failure), gives up after 10 s, and, unless
 * private addresses are allowed, refuses any private address the name resolves to — checked in the
 * connection's own lookup, so a name cannot resolve to a public address first and a private one later.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  allowPrivate: boolean,
  timeoutMs = TIMEOUT_MS,
): Promise<SendResult> {
  const started = Date.now();
  const done = (statusCode: number | null, error: string | null): SendResult => ({
    statusCode,
    error,
    durationMs: Date.now() - started,
  });
  const problem = urlProblem(url, allowPrivate);
  if (problem) return Promise.resolve(done(null, `refused: ${problem}`));
  const u = new URL(url);
  const lookup: net.LookupFunction = (hostname, options, cb) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return cb(err, '', 4);
      const list = addresses;
      const bad = !allowPrivate && list.find((a) => isPrivateAddress(a.address));
      if (bad)
        return cb(
          Object.assign(new Error(`refused: ${hostname} resolves to a private address`), { code: 'EPRIVATE' }),
          '',
          4,
        );
      if ((options as { all?: boolean }).all)
        return (cb as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      cb(null, list[0].address, list[0].family);
    });
  };
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: SendResult) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        resolve(r);
      }
    };
    const req = (u.protocol === 'https:' ? https : http).request(u, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'Kaoping-Webhook/1',
        ...headers,
      },
      lookup,
      agent: false,
    });
    const timer = setTimeout(() => {
      req.destroy();
      finish(done(null, `timed out after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    req.on('response', (res) => {
      let seen = 0;
      res.on('data', (c: Buffer) => {
        seen += c.length;
        if (seen > MAX_RESPONSE_BYTES) res.destroy();
      });
      const end = () => {
        const code = res.statusCode ?? 0;
        finish(
          done(
            code,
            code >= 200 && code < 300
              ? null
              : code >= 300 && code < 400
                ? `redirect (${code}) not followed`
                : `HTTP ${code}`,
          ),
        );
      };
      res.on('end', end);
      res.on('close', end);
      res.on('error', end);
    });
    req.on('error', (e) => {
      const msg = e.message.startsWith('refused:')
        ? e.message
        : `connection failed: ${(e as NodeJS.ErrnoException).code ?? e.message}`;
      finish(done(null, msg));
    });
    req.end(body);
  });
}
