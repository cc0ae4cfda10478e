import { describe, expect, it } from "vitest";
import { matchAcceptLanguage, resolveLocale } from "./resolve";

describe("matchAcceptLanguage", () => {
  it("reads the browser's first language we speak, by quality", () => {
    expect(matchAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(matchAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(matchAcceptLanguage("fr-FR, en;q=0.5, zh;q=0.7")).toBe("zh-CN");
    expect(matchAcceptLanguage("zh;q=0.2, en-GB;q=0.8")).toBe("en");
  });

  it("takes any simplified Chinese as zh-CN and leaves traditional Chinese out", () => {
    expect(matchAcceptLanguage("zh")).toBe("zh-CN");
    expect(matchAcceptLanguage("zh-Hans-CN")).toBe("zh-CN");
    expect(matchAcceptLanguage("zh-SG")).toBe("zh-CN");
    expect(matchAcceptLanguage("zh-TW")).toBeNull();
    expect(matchAcceptLanguage("zh-Hant-HK, en;q=0.3")).toBe("en");
  });

  it("answers null for nothing we speak, an empty header or q=0", () => {
    expect(matchAcceptLanguage("fr-FR,de;q=0.9")).toBeNull();
    expect(matchAcceptLanguage("")).toBeNull();
    expect(matchAcceptLanguage(null)).toBeNull();
    expect(matchAcceptLanguage("en;q=0")).toBeNull();
    expect(matchAcceptLanguage("*")).toBeNull();
  });
});

describe("resolveLocale", () => {
  it("puts the account's choice first, then the cookie, then the browser, then the default", () => {
    const all = { account: "en", cookie: "zh-CN", acceptLanguage: "zh-CN", fallback: "zh-CN" };
    expect(resolveLocale(all)).toBe("en");
    expect(resolveLocale({ ...all, account: null })).toBe("zh-CN");
    expect(resolveLocale({ cookie: "en", acceptLanguage: "zh-CN" })).toBe("en");
    expect(resolveLocale({ acceptLanguage: "en-US", fallback: "zh-CN" })).toBe("en");
    expect(resolveLocale({ acceptLanguage: "fr", fallback: "en" })).toBe("en");
  });

  it("on a page reached from a text's link: the reader's own choice, then the person the text went to, then the browser, then the site's default", () => {
    const link = { person: "en", acceptLanguage: "zh-CN,zh;q=0.9", fallback: "zh-CN" };
    // The person's account language beats what the browser asks for and the site's default.
    expect(resolveLocale(link)).toBe("en");
    expect(resolveLocale({ ...link, person: "zh-CN", acceptLanguage: "en-US" })).toBe("zh-CN");
    // A choice made on the page itself (the switch's cookie) wins, as does a signed-in reader's own.
    expect(resolveLocale({ ...link, cookie: "zh-CN" })).toBe("zh-CN");
    expect(resolveLocale({ ...link, account: "zh-CN", cookie: "en" })).toBe("zh-CN");
    // No account, or none with a language: the browser, then the site's default.
    expect(resolveLocale({ ...link, person: null })).toBe("zh-CN");
    expect(resolveLocale({ person: null, acceptLanguage: "fr", fallback: "en" })).toBe("en");
    expect(resolveLocale({ person: "fr", acceptLanguage: "de", fallback: "en" })).toBe("en");
  });

  it("ignores values that are not our languages and ends on Chinese", () => {
    expect(resolveLocale({ account: "fr", cookie: "<script>", acceptLanguage: "de", fallback: "xx" })).toBe("zh-CN");
    expect(resolveLocale({})).toBe("zh-CN");
  });
});
