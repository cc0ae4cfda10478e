import "server-only";
import { expect } from "vitest";
import type { Actor, Ctx } from "@/lib/context";
import type { ErrorCode } from "@/lib/errors";
import { expectDomainError } from "./domain-error";
import { createAdmin, createCustomer, createOrganization, type TestWorld } from "./factories";
import type { LockerLayout } from "@/lib/sites/layout";
import { createStation, type Station } from "./parcels";
import { databaseSnapshot } from "./snapshot";

/*
 * For the admin verbs' tests: two organizations, each with a working station, and the
 * people who must be refused — the other organization's admin, a courier, a customer,
 * nobody. A refusal must change nothing and open no door.
 */

export type AdminScene = {
  station: Station;
  /** An admin of the station's organization. */
  admin: Actor;
  /** A station of another organization, and its admin. */
  other: Station;
  otherAdmin: Actor;
  courier: Actor;
  customer: Actor;
};

let phones = 0;
export function adminScene(world: TestWorld, options: { layout?: LockerLayout } = {}): AdminScene {
  const station = createStation(world, { layout: options.layout ?? [["S", "M"], ["M", "L"]] });
  const other = createStation(world, { organizationId: createOrganization(world.db, "Other Campus").id });
  return {
    station,
    admin: station.admin,
    other,
    otherAdmin: createAdmin(world.db, other.organizationId),
    courier: station.courier,
    customer: createCustomer(world.db, `1366${String(++phones).padStart(7, "0")}`),
  };
}

/** Runs `work` as `actor`, expects DomainError `code`, and that nothing changed. */
export async function expectRefused(world: TestWorld, actor: Actor, work: (ctx: Ctx) => unknown, code: ErrorCode) {
  const before = databaseSnapshot(world.db);
  const audit = world.db.$client.prepare("select count(*) from audit_log").pluck().get();
  const opened = world.doors.opened.length;
  const error = await expectDomainError(() => work(world.ctx(actor)), code);
  expect(databaseSnapshot(world.db)).toEqual(before);
  expect(world.db.$client.prepare("select count(*) from audit_log").pluck().get()).toBe(audit);
  expect(world.doors.opened.length).toBe(opened);
  return error;
}

/** The wrong roles and nobody: FORBIDDEN for signed-in people of another role, UNAUTHENTICATED for nobody. */
export async function expectAdminsOnly(world: TestWorld, scene: AdminScene, work: (ctx: Ctx) => unknown) {
  await expectRefused(world, scene.courier, work, "FORBIDDEN");
  await expectRefused(world, scene.customer, work, "FORBIDDEN");
  await expectRefused(world, { kind: "anonymous" }, work, "UNAUTHENTICATED");
}

/** The audit rows of an organization, oldest first, with detail parsed. */
export function auditRows(world: TestWorld, organizationId: number) {
  return (
    world.db.$client.prepare("select * from audit_log where organization_id = ? order by id").all(organizationId) as {
      action: string;
      subject: string;
      actor_user_id: number;
      detail: string;
      at: number;
    }[]
  ).map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}

