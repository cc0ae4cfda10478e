import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import type { Locale } from "./locales";

/*
 * The message files, one per language (messages/*.json). English is the shape every other
 * language must match (messages.test.ts holds them to it); the types of keys come from it.
 *
 * In the build, next-intl's plugin compiles each message as these imports load it
 * (next.config.js: precompile), and its formatter reads only that form: browsers get no ICU
 * parser. So a message here is for next-intl's `t` and `translateKey`, never to be shown or
 * parsed as text: a leaf may be a string or a compiled array. Tests and scripts, outside
 * the build, get the text, and the same `t` formats it. The text itself: message-source.ts.
 */

export type Messages = typeof en;

/** The dotted paths of every group of messages in a tree: "admin", "admin.shell", "admin.shell.nav", … */
type GroupPaths<Tree> = {
  [Key in keyof Tree & string]: Tree[Key] extends string ? never : Key | `${Key}.${GroupPaths<Tree[Key]>}`;
}[keyof Tree & string];

/** A namespace a provider can hand down: a top-level one ("admin") or any group below it ("admin.sites.form"). */
export type Namespace = GroupPaths<Messages>;

/** The tree that holds just the group at `Path`, under the keys that lead to it. */
type Subtree<Tree, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? { [Key in Head & keyof Tree]: Subtree<Tree[Key], Rest> }
  : { [Key in Path & keyof Tree]: Tree[Key] };

type Intersection<Union> = (Union extends unknown ? (value: Union) => void : never) extends (value: infer All) => void ? All : never;

/** The messages of several namespaces, merged: what pickMessages returns. */
export type PickedMessages<N extends Namespace> = Intersection<N extends unknown ? Subtree<Messages, N> : never>;

export const MESSAGES: Record<Locale, Messages> = { en, "zh-CN": zhCN };

/** A compiled message (see above) is an array; a group of messages is a plain object. */
type Tree = { [key: string]: string | unknown[] | Tree };
const isGroup = (node: Tree[string] | undefined): node is Tree => typeof node === "object" && !Array.isArray(node);

/**
 * Only the namespaces a client component uses: the rest stays on the server. A dotted
 * namespace ("admin.sites.form") brings just that group, under the keys that lead to it, so
 * useTranslations("admin.sites.form") finds it; one inside another already picked adds nothing.
 */
export function pickMessages<N extends Namespace>(locale: Locale, namespaces: readonly N[]): PickedMessages<N> {
  const all = MESSAGES[locale] as unknown as Tree;
  const picked: Tree = {};
  // Outer groups first, so an inner one whose outer group is already there is skipped, and the
  // objects walked through below are always this function's own (never the catalogue's).
  const paths = namespaces.map((namespace) => namespace.split(".")).sort((a, b) => a.length - b.length);
  for (const path of paths) {
    let source = all;
    let target = picked;
    for (const [depth, key] of path.entries()) {
      const group = source[key];
      if (!isGroup(group)) throw new Error(`No group of messages at "${path.join(".")}"`);
      // An outer group picked whole already holds this one.
      if (target[key] === group) break;
      if (depth === path.length - 1) target[key] = group;
      else target = (target[key] ??= {}) as Tree;
      source = group;
    }
  }
  return picked as PickedMessages<N>;
}
