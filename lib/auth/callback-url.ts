/**
 * Where to send someone after they sign in: the path (and query) of `value` on this app's
 * own origin, or "/" when it names anything else. The value comes from the address bar, so
 * it is resolved the way a browser would resolve it — tabs and newlines dropped,
 * backslashes read as slashes, "/./" and "%2e" segments folded — and only then judged:
 * checking the raw string's first characters lets "/\t/evil.example" through.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value === "") return "/";
  // Any origin of our own would do; only whether the value leaves it matters.
  const home = "https://app.invalid";
  let url: URL;
  try {
    url = new URL(value, `${home}/`);
  } catch {
    return "/";
  }
  if (url.origin !== home || url.username || url.password) return "/";
  // "/.//evil.example" resolves to the path "//evil.example", which a browser would read as
  // another host again when it is sent back as a relative redirect.
  if (url.pathname.startsWith("//")) return "/";
  return `${url.pathname}${url.search}`;
}
