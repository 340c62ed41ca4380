// Requests from elsewhere are refused, auth on or off. A web page on another site can make a browser
// send a simple POST (a form, a no-cors fetch) to Roer with the user's access, and a page whose name
// is rebound to 127.0.0.1 (DNS rebinding) can even read the answers. So every request must name one
// of this server's hosts, and every state change must carry a custom header, which a page elsewhere
// cannot add without a CORS preflight that Roer never grants.
import type { RequestHandler } from 'express';
import { type Config, hostName } from './config.js';
import { CrossSiteError, UnknownHostError } from './errors.js';

export const REQUEST_HEADER = 'X-Roer-Request';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Addresses that mean "every interface", not a name anyone can use in a URL. */
const WILDCARDS = new Set(['0.0.0.0', '[::]']);
/** Sec-Fetch-Site values of a request from this origin's own pages, or typed by the user. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/** The host names this server answers to: loopback, HOST when it is a name or address, and ROER_ALLOWED_HOSTS. */
export function allowedHosts(config: Pick<Config, 'HOST' | 'ROER_ALLOWED_HOSTS'>): Set<string> {
  const host = hostName(config.HOST);
  return new Set(['localhost', '127.0.0.1', '[::1]', ...(WILDCARDS.has(host) ? [] : [host]), ...config.ROER_ALLOWED_HOSTS]);
}

/** A Host header as the URL parser normalises it (lower case, IPv4 shorthands expanded); undefined when it is not one. */
function parseHost(header: string): URL | undefined {
  if (!/^[^\s/?#@\\]+$/.test(header)) return undefined;
  try {
    return new URL(`http://${header}`);
  } catch {
    return undefined;
  }
}

/** host[:port] of an Origin header; undefined for `null` and anything a browser would not send. */
function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === origin.toLowerCase() ? url.host : undefined;
  } catch {
    return undefined;
  }
}

const quoted = (value: string) => JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}…` : value);

/** Refuses a request whose Host header is not one of `allowed` (any port). */
export function checkHost(allowed: Set<string>): RequestHandler {
  return (req, _res, next) => {
    const header = req.get('host') ?? '';
    const host = parseHost(header);
    if (!host || !allowed.has(host.hostname)) {
      throw new UnknownHostError(
        `This server does not answer to the host ${quoted(header)}; to use this name, add it to ROER_ALLOWED_HOSTS / ` +
          `Deze server luistert niet naar de naam ${quoted(header)}; voeg die toe aan ROER_ALLOWED_HOSTS`,
      );
    }
    next();
  };
}

/**
 * Refuses a state change (any method but GET, HEAD, OPTIONS) that lacks `X-Roer-Request: 1`, or that
 * the browser says comes from another origin (Origin, Sec-Fetch-Site). The Origin is compared with the
 * Host header by host and port: behind a proxy that ends TLS the server itself cannot see the scheme.
 */
export const refuseCrossSite: RequestHandler = (req, _res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const site = req.get('sec-fetch-site');
  if (site !== undefined && !OWN_FETCH_SITES.has(site)) {
    throw new CrossSiteError(
      `Refused: the browser reports that this request comes from another site (Sec-Fetch-Site: ${quoted(site)}) / ` +
        'Geweigerd: volgens de browser komt dit verzoek van een andere site',
    );
  }
  const origin = req.get('origin');
  if (origin !== undefined && (originHost(origin) ?? 'none') !== (parseHost(req.get('host') ?? '')?.host ?? 'unknown')) {
    throw new CrossSiteError(`Refused: this request comes from another origin (${quoted(origin)}) / Geweigerd: dit verzoek komt van een andere herkomst`);
  }
  if (req.get(REQUEST_HEADER) !== '1') {
    throw new CrossSiteError(
      `Requests that change data must send the header \`${REQUEST_HEADER}: 1\` / Verzoeken die gegevens wijzigen moeten de header \`${REQUEST_HEADER}: 1\` meesturen`,
    );
  }
  next();
};
