/**
 * What every provider SDK passes to fetch. `redirect: 'error'`: a model API does not redirect, so a redirect
 * means a wrong base URL (or a hostile one sending the request and its key elsewhere) and fails the call with a
 * connection error instead of being followed. It also spares every call a copy of the request: fetch clones a
 * request it may have to re-send after a redirect, which tees its body stream (about 2% of a proxied
 * request's CPU, measured under load).
 */
export const PROVIDER_FETCH_OPTIONS = { redirect: 'error' } as const satisfies RequestInit;
