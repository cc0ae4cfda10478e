import { sql } from "drizzle-orm";
import { afterAll, describe, expect, test } from "vitest";
import { createTestWorld } from "@/lib/testing/factories";
import { joinFirstWrite, writeTransaction } from "./transaction";

const world = createTestWorld();
afterAll(() => world.close());
world.db.$client.exec("create table notes (id integer primary key, body text not null unique)");
const notes = () => (world.db.$client.prepare("select body from notes order by id").all() as { body: string }[]).map((n) => n.body);
const insert = (body: string) => world.db.run(sql`insert into notes (body) values (${body})`);

describe("writeTransaction", () => {
  test("refuses an async callback and keeps none of its writes", () => {
    expect(() => writeTransaction(world.db, async () => insert("async"))).toThrow(/synchronous/);
    expect(notes()).not.toContain("async");
  });
});

describe("joinFirstWrite", () => {
  test("the joined write commits with the first transaction, once", () => {
    let joins = 0;
    const request = joinFirstWrite(world.db, () => {
      joins++;
      insert(`claim-${joins}`);
    });
    expect(request.committed()).toBe(false);
    writeTransaction(request.db, () => insert("first effect"));
    writeTransaction(request.db, () => insert("second effect"));
    expect(request.committed()).toBe(true);
    expect(joins).toBe(1);
    expect(notes()).toEqual(expect.arrayContaining(["claim-1", "first effect", "second effect"]));
  });

  test("a transaction that rolls back takes the joined write with it; the next one joins again", () => {
    let joins = 0;
    const request = joinFirstWrite(world.db, () => {
      joins++;
      insert(`retry-claim-${joins}`);
    });
    expect(() =>
      writeTransaction(request.db, () => {
        insert("doomed");
        throw new Error("refused");
      }),
    ).toThrow("refused");
    expect(request.committed()).toBe(false);
    expect(notes()).not.toContain("retry-claim-1");
    writeTransaction(request.db, () => insert("kept"));
    expect(request.committed()).toBe(true);
    expect(notes()).toEqual(expect.arrayContaining(["retry-claim-2", "kept"]));
    expect(notes()).not.toContain("doomed");
  });

  test("a failing join rolls the whole transaction back", () => {
    insert("taken");
    const request = joinFirstWrite(world.db, () => insert("taken"));
    expect(() => writeTransaction(request.db, () => insert("never"))).toThrow(/insert into notes/);
    expect(notes()).not.toContain("never");
  });

  test("the base connection does not join", () => {
    let joins = 0;
    joinFirstWrite(world.db, () => joins++);
    writeTransaction(world.db, () => insert("plain"));
    expect(joins).toBe(0);
  });
});
