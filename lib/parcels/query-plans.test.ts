import { afterAll, expect, test } from "vitest";
import { createTestWorld } from "@/lib/testing/factories";
import { createStation, deposit } from "@/lib/testing/parcels";
import { organizationDashboard } from "@/lib/admin/dashboard";
import { organizationForecasts, siteForecastView } from "@/lib/forecast/admin";
import { createMailboxTransport } from "@/lib/notifications/mailbox";
import { deliverDueNotifications } from "@/lib/notifications/worker";
import { collectParcel } from "./collect";
import { runParcelSweep } from "./sweep";
import { runOutboundSweep } from "@/lib/outbound/sweep";
import { countTakeBackBySite, listTakeBack } from "@/lib/courier/queries";

/*
 * The hot path's statements must each find their rows through an index: a plan that walks
 * every live parcel of a site or scans a table costs more with every parcel (issue 19). A
 * look-up written with its states as bound values cannot use the partial unique index made
 * for it, so this records every statement a reservation, a deposit and a collection prepare
 * and reads SQLite's plan of each.
 */

const world = createTestWorld();
afterAll(() => world.close());

function planOf(source: string): string[] {
  const named = Object.fromEntries([...source.matchAll(/[:@$]([A-Za-z_]\w*)/g)].map((match) => [match[1], null]));
  const positional = (source.replace(/'[^']*'/g, "").match(/\?/g) ?? []).map(() => null);
  const explain = world.db.$client.prepare(`explain query plan ${source}`);
  const rows = (Object.keys(named).length > 0 ? explain.all(named) : explain.all(...positional)) as { detail: string }[];
  return rows.map((row) => row.detail);
}

/** Every statement the database prepares while `work` runs (prepared statements are prepared once per connection, on first use). */
async function statementsPreparedDuring(work: () => unknown): Promise<Set<string>> {
  const client = world.db.$client;
  const prepare = client.prepare.bind(client);
  const seen = new Set<string>();
  client.prepare = ((source: string) => {
    seen.add(source);
    return prepare(source);
  }) as typeof client.prepare;
  try {
    await work();
  } finally {
    client.prepare = prepare;
  }
  return seen;
}

test("every statement of a reservation, deposit and collection searches an index; none scans a table", async () => {
  const station = createStation(world);
  const seen = await statementsPreparedDuring(async () => {
    const { code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
    await collectParcel(world.ctx(station.kiosk), { code, phoneLast4 });
  });
  const plans = [...seen].filter((source) => /^\s*(select|update|insert|delete|with)\b/i.test(source)).map((source) => ({ source, plan: planOf(source) }));
  expect(plans.length).toBeGreaterThan(15);

  // An insert's plan lists the foreign-key scans SQLite runs only when deferred violations
  // are outstanding; its own work is a write by rowid.
  const scans = plans.filter(({ source, plan }) => !/^\s*insert/i.test(source) && plan.some((line) => line.startsWith("SCAN ")));
  expect(scans).toEqual([]);

  // The look-ups whose own unique index is a partial one: with bound states they searched a
  // broader index and walked every live parcel of the site or carrier.
  const planOfQuery = (pattern: RegExp) => plans.filter(({ source }) => pattern.test(source)).map(({ plan }) => plan.join(" | "));
  expect(planOfQuery(/from "parcels" where \("parcels"\."site_id" = \? and "parcels"\."pickup_code_hash" = \?/)).toEqual([
    expect.stringContaining("USING INDEX pickup_code_live_unique"),
  ]);
  expect(planOfQuery(/from "parcels" where \("parcels"\."carrier_id" = \? and "parcels"\."tracking_number" = \?/)).toEqual([
    expect.stringContaining("USING INDEX tracking_live_unique"),
  ]);
  // The free door: walked in best fit's order and stopped at the first free one. A sort
  // ("USE TEMP B-TREE") would mean testing every door of the smallest fitting size first.
  const freeDoor = planOfQuery(/order by s\.size_rank, s\.reach/);
  expect(freeDoor).toEqual([expect.stringContaining("USING INDEX slots_assignment")]);
  expect(freeDoor[0]).not.toContain("TEMP B-TREE");
  // Each reservation first lapses its site's reservations past their time: through the index
  // of reservations by time, not by walking every reservation of the site still in progress.
  expect(planOfQuery(/"parcels"\."reserved_until" <= \?/)).toEqual([expect.stringMatching(/^SEARCH parcels USING INDEX parcels_reserved_until \(reserved_until<\?\)$/)]);
});

test("the admin dashboard reads parcels and their events through indexes, the waits and the activity through the index alone", async () => {
  const station = createStation(world);
  const { code, phoneLast4 } = await deposit(world, station.courier, station.site.id);
  await collectParcel(world.ctx(station.kiosk), { code, phoneLast4 });
  await deposit(world, station.courier, station.site.id);
  const seen = await statementsPreparedDuring(() => {
    organizationDashboard(world.ctx(station.admin));
    organizationForecasts(world.ctx(station.admin));
    siteForecastView(world.ctx(station.admin), station.site);
  });
  const plans = [...seen].map((source) => ({ source, plan: planOf(source) }));
  // A year of a busy site is 55,000 parcels and 165,000 events (bench:dashboard).
  const scans = plans.filter(({ plan }) => plan.some((line) => /^SCAN (p|e|parcels|parcel_events)\b/.test(line)));
  expect(scans).toEqual([]);
  const planOfQuery = (pattern: RegExp) => plans.filter(({ source }) => pattern.test(source)).map(({ plan }) => plan.join(" | "));
  expect(planOfQuery(/count\(\*\) as n\s+from parcels p/)).toEqual([expect.stringContaining("COVERING INDEX parcels_site_closed")]);
  expect(planOfQuery(/p\.closed_at - p\.deposited_at as wait/)).toEqual([expect.stringContaining("COVERING INDEX parcels_site_closed")]);
  expect(planOfQuery(/from parcel_events e join sites/)).toEqual([expect.stringContaining("COVERING INDEX parcel_events_site_state_at")]);
  expect(planOfQuery(/null as outAt/)).toEqual([expect.stringMatching(/parcels_site_state .*UNION ALL.*parcels_site_closed/)]);
});

test("the courier's screens find the parcels to take back by state, not by reading every parcel the carrier or site ever had", async () => {
  const station = createStation(world);
  await deposit(world, station.courier, station.site.id);
  const courier = world.ctx(station.courier);
  const seen = await statementsPreparedDuring(() => {
    countTakeBackBySite(courier);
    listTakeBack(courier, station.site.id);
  });
  const reads = [...seen].filter((source) => /from "parcels"/.test(source) && /"parcels"\."expires_at" <= \?/.test(source)).map((source) => planOf(source).join(" | "));
  // Every courier page counts them: a plan by carrier or site alone walks a year of parcels.
  const byState = expect.stringMatching(/^SEARCH parcels USING INDEX \w+ \((carrier_id|site_id)=\? AND state=\?\)/);
  expect(reads).toEqual([byState, byState]);
});

test("the outbox claims its batch by id, not by walking every queued message", async () => {
  const station = createStation(world);
  await deposit(world, station.courier, station.site.id);
  const mailbox = createMailboxTransport(world.ctx({ kind: "system" }));
  const seen = await statementsPreparedDuring(() => deliverDueNotifications(world.ctx({ kind: "system" }), mailbox));
  const claims = [...seen].filter((source) => /^\s*update "notifications"/i.test(source) && /returning/i.test(source)).map(planOf);
  expect(claims).toHaveLength(1);
  // The update finds the rows its subquery chose by rowid; the subquery takes the due ones
  // off the front of the due index. The same update tested by status too walked the whole
  // queue (every message queued, due or not) for each batch of 25.
  expect(claims[0].join(" | ")).toMatch(/^SEARCH notifications USING INTEGER PRIMARY KEY \(rowid=\?\) \| LIST SUBQUERY 1 \| SEARCH notifications USING COVERING INDEX notifications_due \(status=\? AND next_attempt_at<\?\)/);
});

test("the background sweeps find lapsed reservations, expiries, reminders and overdue shipments by index, not by reading every row", async () => {
  const station = createStation(world);
  await deposit(world, station.courier, station.site.id);
  const seen = await statementsPreparedDuring(() => runParcelSweep(world.ctx({ kind: "system" })));
  const reads = [...seen].filter((source) => /^\s*select/i.test(source) && /from "parcels"/.test(source)).map((source) => ({ source, plan: planOf(source).join(" | ") }));
  expect(reads).toHaveLength(3);
  // Every 10 s across the whole network: a scan reads every parcel it ever had.
  for (const { plan } of reads) expect(plan).not.toMatch(/SCAN parcels/);
  expect(reads.map(({ plan }) => plan)).toEqual([
    expect.stringContaining("USING INDEX parcels_reserved_until"),
    expect.stringContaining("USING INDEX parcels_deposited_expires"),
    expect.stringContaining("USING INDEX parcels_deposited_expires"),
  ]);

  // And the shipments' part of the round: open drop-off doors, codes, overdue pickups.
  const outbound = [...(await statementsPreparedDuring(() => runOutboundSweep(world.ctx({ kind: "system" }))))]
    .filter((source) => /^\s*select/i.test(source) && /from "outbound_parcels"/.test(source))
    .map((source) => planOf(source).join(" | "));
  expect(outbound).toEqual([
    expect.stringContaining("USING INDEX outbound_dropping_off_until"),
    expect.stringContaining("USING INDEX outbound_created_code_expires"),
    expect.stringContaining("USING INDEX outbound_dropped_off_unalerted"),
  ]);
});
