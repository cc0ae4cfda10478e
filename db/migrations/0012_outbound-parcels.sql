CREATE TABLE `outbound_carrier_sites` (
	`site_id` integer NOT NULL,
	`carrier_id` integer NOT NULL,
	`enabled_by` integer,
	`enabled_at` integer NOT NULL,
	PRIMARY KEY(`site_id`, `carrier_id`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`carrier_id`) REFERENCES `carriers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`enabled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `outbound_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outbound_parcel_id` integer NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`actor_user_id` integer,
	`actor_kind` text NOT NULL,
	`site_id` integer NOT NULL,
	`slot_id` integer,
	`detail` text,
	FOREIGN KEY (`outbound_parcel_id`) REFERENCES `outbound_parcels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`) REFERENCES `slots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outbound_events_parcel` ON `outbound_events` (`outbound_parcel_id`,`at`);--> statement-breakpoint
CREATE TABLE `outbound_parcels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`carrier_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`slot_id` integer,
	`state` text NOT NULL,
	`size` text NOT NULL,
	`size_rank` integer NOT NULL,
	`upsized` integer DEFAULT false NOT NULL,
	`sender_phone` text NOT NULL,
	`sender_user_id` integer,
	`recipient_name` text,
	`recipient_phone` text,
	`recipient_address` text,
	`declared_at` integer,
	`order_reference` text,
	`created_by_user_id` integer,
	`drop_off_code_hash` text,
	`drop_off_code_cipher` text,
	`code_expires_at` integer NOT NULL,
	`door_open_until` integer,
	`waybill_number` text,
	`quoted_price_cents` integer,
	`dropped_off_at` integer,
	`taken_at` integer,
	`taken_by_user_id` integer,
	`overdue_alerted_at` integer,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`carrier_id`) REFERENCES `carriers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`) REFERENCES `slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sender_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`taken_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outbound_state" CHECK("outbound_parcels"."state" in ('created', 'dropping_off', 'dropped_off', 'taken', 'cancelled', 'expired')),
	CONSTRAINT "outbound_kind" CHECK("outbound_parcels"."kind" in ('send', 'return')),
	CONSTRAINT "outbound_size_rank" CHECK("outbound_parcels"."size_rank" = case "outbound_parcels"."size" when 'S' then 1 when 'M' then 2 when 'L' then 3 when 'XL' then 4 end),
	CONSTRAINT "outbound_live_has_slot" CHECK("outbound_parcels"."state" not in ('dropping_off', 'dropped_off') or "outbound_parcels"."slot_id" is not null),
	CONSTRAINT "outbound_code_when_open" CHECK("outbound_parcels"."state" not in ('created', 'dropping_off') or "outbound_parcels"."drop_off_code_hash" is not null),
	CONSTRAINT "outbound_send_has_recipient" CHECK("outbound_parcels"."kind" <> 'send' or ("outbound_parcels"."recipient_name" is not null and "outbound_parcels"."recipient_phone" is not null and "outbound_parcels"."recipient_address" is not null and "outbound_parcels"."declared_at" is not null)),
	CONSTRAINT "outbound_return_has_order" CHECK("outbound_parcels"."kind" <> 'return' or "outbound_parcels"."order_reference" is not null),
	CONSTRAINT "outbound_price" CHECK("outbound_parcels"."quoted_price_cents" is null or "outbound_parcels"."quoted_price_cents" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbound_slot_live_unique` ON `outbound_parcels` (`slot_id`) WHERE "outbound_parcels"."state" in ('dropping_off', 'dropped_off');--> statement-breakpoint
CREATE UNIQUE INDEX `outbound_code_live_unique` ON `outbound_parcels` (`site_id`,`drop_off_code_hash`) WHERE "outbound_parcels"."state" in ('created', 'dropping_off');--> statement-breakpoint
CREATE UNIQUE INDEX `outbound_waybill_unique` ON `outbound_parcels` (`carrier_id`,`waybill_number`) WHERE "outbound_parcels"."waybill_number" is not null;--> statement-breakpoint
CREATE INDEX `outbound_carrier_state` ON `outbound_parcels` (`carrier_id`,`state`,`site_id`);--> statement-breakpoint
CREATE INDEX `outbound_sender` ON `outbound_parcels` (`sender_phone`,`created_at`);--> statement-breakpoint
CREATE INDEX `outbound_site_state` ON `outbound_parcels` (`site_id`,`state`);--> statement-breakpoint
ALTER TABLE `carriers` ADD `tracking_url` text;--> statement-breakpoint
ALTER TABLE `door_events` ADD `outbound_parcel_id` integer REFERENCES outbound_parcels(id);--> statement-breakpoint
-- hand-written (carry over at merge)
-- Decision 0013: one live parcel per door whichever the direction. Each table's partial
-- unique index covers its own rows; these refuse a live row in one table for a door a live
-- row of the other holds. SQLite runs one writer at a time, so the check and the write are
-- one step: no race between directions.
CREATE TRIGGER `outbound_door_shared_insert`
BEFORE INSERT ON `outbound_parcels`
WHEN NEW.`slot_id` IS NOT NULL AND NEW.`state` IN ('dropping_off', 'dropped_off')
BEGIN
  SELECT RAISE(ABORT, 'door holds a live parcel')
  WHERE EXISTS (SELECT 1 FROM `parcels` p WHERE p.`slot_id` = NEW.`slot_id` AND p.`state` IN ('reserved', 'deposited', 'expired'));
END;
--> statement-breakpoint
CREATE TRIGGER `outbound_door_shared_update`
BEFORE UPDATE OF `slot_id`, `state` ON `outbound_parcels`
WHEN NEW.`slot_id` IS NOT NULL AND NEW.`state` IN ('dropping_off', 'dropped_off')
BEGIN
  SELECT RAISE(ABORT, 'door holds a live parcel')
  WHERE EXISTS (SELECT 1 FROM `parcels` p WHERE p.`slot_id` = NEW.`slot_id` AND p.`state` IN ('reserved', 'deposited', 'expired'));
END;
--> statement-breakpoint
CREATE TRIGGER `parcels_door_shared_insert`
BEFORE INSERT ON `parcels`
WHEN NEW.`slot_id` IS NOT NULL AND NEW.`state` IN ('reserved', 'deposited', 'expired')
BEGIN
  SELECT RAISE(ABORT, 'door holds a live outbound parcel')
  WHERE EXISTS (SELECT 1 FROM `outbound_parcels` o WHERE o.`slot_id` = NEW.`slot_id` AND o.`state` IN ('dropping_off', 'dropped_off'));
END;
--> statement-breakpoint
CREATE TRIGGER `parcels_door_shared_update`
BEFORE UPDATE OF `slot_id`, `state` ON `parcels`
WHEN NEW.`slot_id` IS NOT NULL AND NEW.`state` IN ('reserved', 'deposited', 'expired')
BEGIN
  SELECT RAISE(ABORT, 'door holds a live outbound parcel')
  WHERE EXISTS (SELECT 1 FROM `outbound_parcels` o WHERE o.`slot_id` = NEW.`slot_id` AND o.`state` IN ('dropping_off', 'dropped_off'));
END;
--> statement-breakpoint
-- Invariants 2 and 5 for outbound parcels, as migration 0001 says them for inbound ones.
CREATE TRIGGER `outbound_slot_fits_insert`
BEFORE INSERT ON `outbound_parcels`
WHEN NEW.`slot_id` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'slot does not fit parcel: wrong site, too small or out of service')
  WHERE NOT EXISTS (
    SELECT 1 FROM `slots` s
    WHERE s.`id` = NEW.`slot_id` AND s.`site_id` = NEW.`site_id`
      AND s.`size_rank` >= NEW.`size_rank` AND s.`in_service` = 1
  );
END;
--> statement-breakpoint
CREATE TRIGGER `outbound_slot_fits_update`
BEFORE UPDATE OF `slot_id`, `size_rank`, `site_id` ON `outbound_parcels`
WHEN NEW.`slot_id` IS NOT NULL
  AND (NEW.`slot_id` IS NOT OLD.`slot_id` OR NEW.`size_rank` IS NOT OLD.`size_rank` OR NEW.`site_id` IS NOT OLD.`site_id`)
BEGIN
  SELECT RAISE(ABORT, 'slot does not fit parcel: wrong site, too small or out of service')
  WHERE NOT EXISTS (
    SELECT 1 FROM `slots` s
    WHERE s.`id` = NEW.`slot_id` AND s.`site_id` = NEW.`site_id`
      AND s.`size_rank` >= NEW.`size_rank` AND s.`in_service` = 1
  );
END;
--> statement-breakpoint
-- Migration 0005's retire rules, for the doors outbound parcels hold.
CREATE TRIGGER `slots_retire_keeps_live_outbound`
BEFORE UPDATE OF `retired_at` ON `slots`
WHEN NEW.`retired_at` IS NOT NULL AND OLD.`retired_at` IS NULL
BEGIN
  SELECT RAISE(ABORT, 'door holds a live parcel: it cannot be removed')
  WHERE EXISTS (SELECT 1 FROM `outbound_parcels` o WHERE o.`slot_id` = NEW.`id` AND o.`state` IN ('dropping_off', 'dropped_off'));
END;
--> statement-breakpoint
CREATE TRIGGER `slots_delete_keeps_live_outbound`
BEFORE DELETE ON `slots`
BEGIN
  SELECT RAISE(ABORT, 'door holds a live parcel: it cannot be removed')
  WHERE EXISTS (SELECT 1 FROM `outbound_parcels` o WHERE o.`slot_id` = OLD.`id` AND o.`state` IN ('dropping_off', 'dropped_off'));
END;
--> statement-breakpoint
CREATE TRIGGER `lockers_retire_keeps_live_outbound`
BEFORE UPDATE OF `retired_at` ON `lockers`
WHEN NEW.`retired_at` IS NOT NULL AND OLD.`retired_at` IS NULL
BEGIN
  SELECT RAISE(ABORT, 'locker holds a live parcel: it cannot be removed')
  WHERE EXISTS (
    SELECT 1 FROM `outbound_parcels` o JOIN `slots` s ON s.`id` = o.`slot_id`
    WHERE s.`locker_id` = NEW.`id` AND o.`state` IN ('dropping_off', 'dropped_off')
  );
END;
--> statement-breakpoint
CREATE TRIGGER `outbound_events_append_only_update`
BEFORE UPDATE ON `outbound_events`
BEGIN
  SELECT RAISE(ABORT, 'outbound events are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `outbound_events_append_only_delete`
BEFORE DELETE ON `outbound_events`
BEGIN
  SELECT RAISE(ABORT, 'outbound events are append-only');
END;
