import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import type { Locale } from "./locales";

/*
 * The message files, one per language (messages/*.json). English is the shape every other
 * language must match (messages.test.ts holds them to it); the types of keys come from it.
 */

export type Messages = typeof en;
export type Namespace = keyof Messages;

export const MESSAGES: Record<Locale, Messages> = { en, "zh-CN": zhCN };

/** Only the namespaces a client component uses: the rest stays on the server. */
export function pickMessages<N extends Namespace>(locale: Locale, namespaces: readonly N[]): Pick<Messages, N> {
  const all = MESSAGES[locale];
  const picked = {} as Pick<Messages, N>;
  for (const namespace of namespaces) picked[namespace] = all[namespace];
  return picked;
}
