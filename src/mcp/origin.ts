/**
 * Browser origins allowed by `security.allowedOrigins` ("*" = any). Origins compare case-insensitively, as
 * browsers serialize them in lower case anyway.
 */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  if (allowed.includes('*')) return true;
  const o = origin.toLowerCase();
  return allowed.some((a) => a.toLowerCase() === o);
}
