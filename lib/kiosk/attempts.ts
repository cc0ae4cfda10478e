import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { kiosks, sites } from "@/db/schema";
import { writeTransaction } from "@/db/transaction";
import { recordAudit } from "@/lib/audit/record";
import { requireAdmin } from "@/lib/auth/authorize";
import type { Ctx } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { lockoutWait } from "@/lib/kiosk/slow-down";
import { Id, parseInput } from "@/lib/validation";

/*
 * What an admin sees of the guessing at their kiosks, and the one thing they may do about
 * it: lift a kiosk's slow-down (a customer stuck behind a guesser, or a screen a child
 * played with). A lift is audited and sets kiosks.attempts_cleared_at; wrong codes before
 * it no longer count (lib/pickup-codes/slow-down.ts lockoutWait).
 */

/** How far back the dashboard counts attempts. */
export const ATTEMPTS_WINDOW_MS = 24 * 3_600_000;

export type KioskGuessing = {
  kioskId: number;
  kioskName: string;
  /** Wrong codes in the last ATTEMPTS_WINDOW_MS, and entries refused because the kiosk was slowed down. */
  wrong: number;
  refused: number;
  /** How long this kiosk takes no typed code from now; 0 when it is not slowed down. */
  slowedForMs: number;
};

export type SiteGuessing = { siteId: number; siteName: string; wrong: number; refused: number; kiosks: KioskGuessing[] };

/**
 * The sites of the admin's organization where a kiosk saw wrong codes in the last
 * ATTEMPTS_WINDOW_MS, busiest first, each with its kiosks that did. Admins only.
 */
export function kioskGuessingBySite(ctx: Ctx): SiteGuessing[] {
  const admin = requireAdmin(ctx);
  const now = ctx.now();
  const rows = ctx.db.all<{ siteId: number; siteName: string; kioskId: number; kioskName: string; wrong: number; refused: number }>(sql`
    select st.id as siteId, st.name as siteName, k.id as kioskId, k.name as kioskName,
           sum(a.outcome = 'wrong' and a.parcel_id is null) as wrong, sum(a.outcome = 'locked_out') as refused
    from pickup_attempts a
    join kiosks k on k.id = a.kiosk_id
    join sites st on st.id = a.site_id and st.organization_id = ${admin.organizationId}
    where a.outcome in ('wrong', 'locked_out') and a.at > ${now - ATTEMPTS_WINDOW_MS}
    group by a.kiosk_id
    order by st.name, k.name`);
  const bySite = new Map<number, SiteGuessing>();
  for (const row of rows) {
    if (row.wrong + row.refused === 0) continue;
    const site = bySite.get(row.siteId) ?? { siteId: row.siteId, siteName: row.siteName, wrong: 0, refused: 0, kiosks: [] };
    const slowedForMs = lockoutWait(ctx, { kind: "kiosk", kioskId: row.kioskId, siteId: row.siteId }, now);
    site.kiosks.push({ kioskId: row.kioskId, kioskName: row.kioskName, wrong: row.wrong, refused: row.refused, slowedForMs });
    site.wrong += row.wrong;
    site.refused += row.refused;
    bySite.set(row.siteId, site);
  }
  return [...bySite.values()].sort((a, b) => b.wrong + b.refused - (a.wrong + a.refused));
}

export const LiftSlowDownInput = z.object({ kioskId: Id });
export type LiftSlowDownInput = z.input<typeof LiftSlowDownInput>;

/**
 * Lifts a kiosk's slow-down: the wrong codes it took so far no longer count, so it takes
 * the next code at once (the next wrong ones count afresh, with their free tries). Admins
 * of the kiosk's organization; another organization's kiosk is NOT_FOUND. Audited even when
 * the kiosk was not slowed down at that moment, since its counts are reset all the same.
 */
export function liftKioskSlowDown(ctx: Ctx, raw: unknown): { siteId: number; kioskName: string } {
  const admin = requireAdmin(ctx);
  const { kioskId } = parseInput(LiftSlowDownInput, raw);
  const now = ctx.now();
  return writeTransaction(ctx.db, () => {
    const kiosk = ctx.db
      .select({ id: kiosks.id, name: kiosks.name, siteId: kiosks.siteId, siteName: sites.name })
      .from(kiosks)
      .innerJoin(sites, and(eq(sites.id, kiosks.siteId), eq(sites.organizationId, admin.organizationId)))
      .where(eq(kiosks.id, kioskId))
      .get();
    if (!kiosk) throw new DomainError("NOT_FOUND", "kioskNotFound");
    const waitedMs = lockoutWait(ctx, { kind: "kiosk", kioskId: kiosk.id, siteId: kiosk.siteId }, now);
    ctx.db.update(kiosks).set({ attemptsClearedAt: now }).where(eq(kiosks.id, kiosk.id)).run();
    recordAudit(ctx, admin, {
      action: "site.kiosk_slowdown_lifted",
      subject: `site:${kiosk.siteId}`,
      siteId: kiosk.siteId,
      detail: { name: kiosk.siteName, kiosk: kiosk.name, secondsLeft: Math.ceil(waitedMs / 1000) },
    });
    return { siteId: kiosk.siteId, kioskName: kiosk.name };
  });
}
