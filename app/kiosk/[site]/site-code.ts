/** The site code in a kiosk address; a malformed escape ("/kiosk/%25") is just an unknown code, not a crash. */
export function requestedSiteCode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
