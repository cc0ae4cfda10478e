import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { proxy } from "@/proxy";
import { PERSON_LINK_HEADER, personLinkOf, readPersonLink } from "./person-link";

describe("the link a page was reached by", () => {
  test("a consent question's pages and the trusted person's page name their token; no other page does", () => {
    expect(personLinkOf("/consent/1k.2m.abc")).toBe("consent:1k.2m.abc");
    expect(personLinkOf("/consent/1k.2m.abc/preferences")).toBe("consent:1k.2m.abc");
    expect(personLinkOf("/trusted/9z.2m.def")).toBe("trusted:9z.2m.def");
    expect(personLinkOf("/trusted/9z.2m.def/")).toBe("trusted:9z.2m.def");
    for (const other of ["/", "/consent", "/consent/", "/trusted", "/parcels/12", "/account/lockers", "/consent/x/other", "/trusted/x/y", "/kiosk/NORTH"]) {
      expect(personLinkOf(other)).toBeNull();
    }
    expect(personLinkOf(`/consent/${"a".repeat(201)}`)).toBeNull();
  });

  test("the header reads back as the link, its token decoded as the page decodes it; anything else reads as none", () => {
    expect(readPersonLink(personLinkOf("/consent/1k.2m.abc"))).toEqual({ kind: "consent", token: "1k.2m.abc" });
    expect(readPersonLink("trusted:a%2Eb")).toEqual({ kind: "trusted", token: "a.b" });
    expect(readPersonLink(null)).toBeNull();
    expect(readPersonLink("")).toBeNull();
    expect(readPersonLink("consent:")).toBeNull();
    expect(readPersonLink("kiosk:abc")).toBeNull();
    expect(readPersonLink("consent:%E0%A4%A")).toBeNull();
  });
});

/** The request headers proxy.ts hands on to the page (Next.js carries them as x-middleware-request-*). */
function forwarded(path: string, headers: Record<string, string> = {}) {
  const response = proxy(new NextRequest(`http://localhost${path}`, { headers }));
  return (name: string) => response.headers.get(`x-middleware-request-${name}`);
}

describe("proxy.ts names the link a page was reached by", () => {
  test("a consent or trusted person's link page carries its token to the request config", () => {
    expect(forwarded("/consent/1k.2m.abc/preferences")(PERSON_LINK_HEADER)).toBe("consent:1k.2m.abc");
    expect(forwarded("/trusted/9z.2m.def")(PERSON_LINK_HEADER)).toBe("trusted:9z.2m.def");
  });

  test("a browser's own header of that name never reaches a page", () => {
    expect(forwarded("/", { [PERSON_LINK_HEADER]: "consent:forged" })(PERSON_LINK_HEADER)).toBeNull();
    expect(forwarded("/trusted/9z.2m.def", { [PERSON_LINK_HEADER]: "consent:forged" })(PERSON_LINK_HEADER)).toBe("trusted:9z.2m.def");
  });
});
