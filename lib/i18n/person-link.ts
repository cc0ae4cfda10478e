/*
 * Pages reached from a text's link without signing in (a consent question's answer and
 * preferences, the trusted person's decline page) are for one person: the one the text was
 * sent to. They speak that person's language when their account has one (issue 15: the
 * person's own choice before the browser's). The path names the link, but next-intl's request
 * config cannot read the path: proxy.ts copies the link into PERSON_LINK_HEADER (and drops any
 * such header a browser sent), and app/_i18n/request.ts reads it back, checks the token's
 * signature through the link's own module and looks the person up (lib/i18n/resolve.ts says
 * where their language stands among the others).
 *
 * Pure and dependency-free: proxy.ts imports it.
 */

export const PERSON_LINK_HEADER = "x-person-link";

export type PersonLinkKind = "consent" | "trusted";
export type PersonLink = { kind: PersonLinkKind; token: string };

/** The link pages, by the token's place in their path: /consent/<token>[/preferences], /trusted/<token>. */
const LINK_PAGES: Record<PersonLinkKind, RegExp> = {
  consent: /^\/consent\/([^/]+)(?:\/preferences)?\/?$/,
  trusted: /^\/trusted\/([^/]+)\/?$/,
};

/** Longer than any token we sign: anything longer is not one of ours, and is not carried along. */
const MAX_TOKEN_LENGTH = 200;

/** The header value for a path that is a link page ("consent:<token>"), or null for any other page. */
export function personLinkOf(pathname: string): string | null {
  for (const [kind, page] of Object.entries(LINK_PAGES)) {
    const segment = page.exec(pathname)?.[1];
    if (segment && segment.length <= MAX_TOKEN_LENGTH) return `${kind}:${segment}`;
  }
  return null;
}

/** The link a header value names (the token decoded, as the page decodes it), or null when it names none. */
export function readPersonLink(value: string | null | undefined): PersonLink | null {
  const match = value ? /^(consent|trusted):(.+)$/.exec(value) : null;
  if (!match || match[2].length > MAX_TOKEN_LENGTH) return null;
  try {
    return { kind: match[1] as PersonLinkKind, token: decodeURIComponent(match[2]) };
  } catch {
    return null;
  }
}
