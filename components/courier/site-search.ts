/** Name, code or address containing every word of the query, case-insensitively. */
export function matchesSite(site: { name: string; code: string; address: string }, query: string): boolean {
  const haystack = `${site.name} ${site.code} ${site.address}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
