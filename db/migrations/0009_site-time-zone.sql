-- Each site keeps its own IANA time zone (a network spans zones); existing sites keep the
-- zone every site had until now. drizzle-kit generated a rebuild of the sites table for
-- the CHECK, which would copy a column the old table does not have and drop a table that
-- lockers, slots, parcels and kiosks reference; SQLite adds a column with its CHECK in
-- place, so this is written by hand. The snapshot (meta/0009) records the same shape.
ALTER TABLE `sites` ADD `time_zone` text DEFAULT 'Asia/Shanghai' NOT NULL CONSTRAINT "sites_time_zone" CHECK("time_zone" <> '');
