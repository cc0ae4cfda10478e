import { afterAll, describe, expect, test } from "vitest";
import { verifyCredentials } from "@/lib/auth/accounts";
import { expectDomainError } from "@/lib/testing/domain-error";
import { createAdmin, createOrganization, createTestWorld } from "@/lib/testing/factories";
import { bootstrapOrganization } from "./bootstrap";

const world = createTestWorld();
afterAll(() => world.close());
const system = () => world.ctx({ kind: "system" });

describe("the first admin of a new deployment", () => {
  test("creates the organization and an admin who can sign in", async () => {
    const created = await bootstrapOrganization(system(), {
      organization: "Riverside University",
      name: "Chen Jing",
      email: "Chen.Jing@Riverside.example",
      password: "a-long-first-password",
    });
    expect(created).toMatchObject({ slug: "riverside-university", adminEmail: "chen.jing@riverside.example" });
    const session = await verifyCredentials(world.db, { identifier: "chen.jing@riverside.example", password: "a-long-first-password" });
    expect(session).toMatchObject({ role: "admin" });
  });

  test("refuses a second organization of the same name, a taken email and a short password, writing nothing", async () => {
    await bootstrapOrganization(system(), { organization: "Hill College", name: "Li Na", email: "li.na@hill.example", password: "a-long-first-password" });
    const organizations = () => (world.db.$client.prepare("select count(*) as n from organizations").get() as { n: number }).n;
    const before = organizations();
    await expectDomainError(
      () => bootstrapOrganization(system(), { organization: "Hill  College", name: "Li Na", email: "other@hill.example", password: "a-long-first-password" }),
      "CONFLICT",
    );
    await expectDomainError(
      () => bootstrapOrganization(system(), { organization: "Hill Annex", name: "Li Na", email: "li.na@hill.example", password: "a-long-first-password" }),
      "CONFLICT",
    );
    const short = await expectDomainError(
      () => bootstrapOrganization(system(), { organization: "Short Pass", name: "Zhou", email: "z@short.example", password: "short" }),
      "INVALID",
    );
    expect((short.details as { fieldErrors: Record<string, string[]> }).fieldErrors.password).toEqual(["Use at least 10 characters."]);
    expect(organizations()).toBe(before);
  });

  test("is the system's alone: an admin signed in cannot create organizations", async () => {
    const admin = world.ctx(createAdmin(world.db, createOrganization(world.db).id));
    await expectDomainError(
      () => bootstrapOrganization(admin, { organization: "Rogue Org", name: "X", email: "x@rogue.example", password: "a-long-first-password" }),
      "FORBIDDEN",
    );
  });
});
