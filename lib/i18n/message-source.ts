import fs from "node:fs";
import path from "node:path";
import type { Locale } from "./locales";
import type { Messages } from "./messages";

/*
 * The message files as written: ICU text such as "Site {site} is full". In the build, an
 * import of messages/*.json gives each message compiled for the formatter instead
 * (next.config.js: precompile), which only next-intl can read. A document that shows the
 * templates themselves (the OpenAPI examples) reads the files. The server runs from the
 * project's folder (npm start, scripts/server.mjs), where messages/ is.
 */
const sources = new Map<Locale, Messages>();

export function messageSource(locale: Locale): Messages {
  let messages = sources.get(locale);
  if (!messages) {
    messages = JSON.parse(fs.readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8")) as Messages;
    sources.set(locale, messages);
  }
  return messages;
}
