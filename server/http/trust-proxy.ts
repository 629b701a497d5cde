import { isIP } from 'node:net';

/**
 * Which proxies in front of Passim to believe about the client's address (`X-Forwarded-For`): none
 * (the default, so a client cannot pick its own address and dodge the rate limit), the nearest N hops,
 * or the proxies at the listed addresses, subnets or Express's names for them.
 */
export type TrustProxy = false | number | string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrSubnet(value: string): boolean {
  if (PROXY_NAMES.has(value)) return true;
  const [address, bits, extra] = value.split('/');
  if (extra !== undefined || address === undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Reads `PASSIM_TRUST_PROXY`: unset or empty trusts no proxy; a whole number trusts that many hops;
 * otherwise a comma-separated list of addresses, subnets (`10.0.0.0/8`) or `loopback`, `linklocal`,
 * `uniquelocal`. `true` is refused: trusting every hop lets any client choose the address it is limited by.
 */
export function readTrustProxy(env: NodeJS.ProcessEnv = process.env): TrustProxy {
  const raw = env.PASSIM_TRUST_PROXY?.trim();
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isAddressOrSubnet(entry));
  if (bad !== undefined) {
    throw new RangeError(
      `PASSIM_TRUST_PROXY must be a number of proxy hops (such as 1) or a comma-separated list of proxy addresses, subnets or loopback/linklocal/uniquelocal; "${bad}" is none of these`,
    );
  }
  return entries;
}
