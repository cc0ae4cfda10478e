import { describe, expect, test } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("the place to go after signing in", () => {
  test.each([
    ["/admin", "/admin"],
    ["/admin/parcels?site=3&state=deposited", "/admin/parcels?site=3&state=deposited"],
    ["/parcels#code", "/parcels"],
    ["admin", "/admin"],
    ["/a/../admin", "/admin"],
    // Same scheme as the base and no "//": a browser reads it as a path on this host too.
    ["https:evil.example", "/evil.example"],
  ])("keeps a path of this app: %j", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  test.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/.//evil.example",
    "/%2e//evil.example",
    "https://evil.example/admin",
    "HTTPS://evil.example",
    "http://app.invalid@evil.example/",
    "javascript:alert(1)",
    " javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "mailto:someone@example.com",
    "",
  ])("sends anything else home: %j", (value) => {
    const path = safeCallbackPath(value);
    expect(path).toBe("/");
  });

  test("never returns something a browser reads as another host", () => {
    for (const value of ["/%2F%2Fevil.example", "/%5C%5Cevil.example", "/%09/evil.example"]) {
      const path = safeCallbackPath(value);
      expect(path.startsWith("/")).toBe(true);
      expect(new URL(path, "https://lockers.example.edu").host).toBe("lockers.example.edu");
    }
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath(["/admin"])).toBe("/");
  });
});
