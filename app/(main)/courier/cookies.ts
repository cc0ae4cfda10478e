import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";

/*
 * Two small conveniences the courier's device keeps: the site it used last, and a draft of
 * a parcel being sent on to another site. Neither is trusted for anything — the pages and
 * verbs authorize every site and parcel they touch — so they live in cookies, not the
 * database.
 */

const LAST_SITE = "courier-last-site";
const DRAFT = "courier-draft";
const COOKIE_PATH = "/courier";

export async function readLastSiteId(): Promise<number | null> {
  const value = Number((await cookies()).get(LAST_SITE)?.value);
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** Remembers the site; the client sets the same cookie when a site is opened (SiteMemory). */
export async function rememberSite(siteId: number): Promise<void> {
  (await cookies()).set(LAST_SITE, String(siteId), {
    path: COOKIE_PATH,
    maxAge: 90 * 24 * 3600,
    sameSite: "lax",
  });
}

export const LAST_SITE_COOKIE = { name: LAST_SITE, path: COOKIE_PATH };

const DRAFT_FIELDS = ["trackingNumber", "recipientPhone", "recipientName", "recipientEmail", "size"] as const;
export type DepositDraft = Partial<Record<(typeof DRAFT_FIELDS)[number], string>>;

const StoredDraft = z.object({
  siteId: z.number().int().positive(),
  values: z.partialRecord(z.enum(DRAFT_FIELDS), z.string().max(200)),
});

/**
 * What the courier typed, carried to another site's form. It holds a recipient's phone, so
 * it is httpOnly, scoped to the courier's pages, and short-lived: a courier switching
 * sites gets there within minutes, and a forgotten draft should not fill a form next day.
 */
export async function saveDraft(siteId: number, formData: FormData): Promise<void> {
  const values: DepositDraft = {};
  for (const field of DRAFT_FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string" && value.trim() !== "") values[field] = value.slice(0, 200);
  }
  (await cookies()).set(DRAFT, JSON.stringify({ siteId, values }), {
    path: COOKIE_PATH,
    maxAge: 15 * 60,
    httpOnly: true,
    sameSite: "lax",
  });
}

/** The draft meant for this site, if any. */
export async function readDraft(siteId: number): Promise<DepositDraft | null> {
  const raw = (await cookies()).get(DRAFT)?.value;
  if (!raw) return null;
  try {
    const draft = StoredDraft.safeParse(JSON.parse(raw));
    return draft.success && draft.data.siteId === siteId ? draft.data.values : null;
  } catch {
    return null;
  }
}

export async function clearDraft(): Promise<void> {
  (await cookies()).delete({ name: DRAFT, path: COOKIE_PATH });
}
