/** The characters a username may have, after lower-casing (enforced at creation). */
export const USERNAME = /^[a-z0-9._-]{3,64}$/;

/**
 * The one form of a username, for lookups and throttling keys alike: compatibility-decomposed,
 * combining marks removed, lower case. `ADMİN` (Turkish dotted capital I) and `ADMIN` are both
 * `admin`, so a look-alike neither reaches another account nor counts its failures elsewhere.
 * What is still outside the safe set cannot match any account.
 */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
