CREATE TABLE `trusted_persons` (
	`recipient_phone` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`name` text,
	`updated_at` integer NOT NULL,
	`updated_by_user_id` integer,
	FOREIGN KEY (`updated_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "trusted_persons_not_self" CHECK("trusted_persons"."phone" <> "trusted_persons"."recipient_phone")
);
--> statement-breakpoint
CREATE TABLE `trusted_pickups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parcel_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`phone` text NOT NULL,
	`name` text,
	`source` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`code_hash` text,
	`code_cipher` text,
	`created_at` integer NOT NULL,
	`created_by_user_id` integer,
	`closed_at` integer,
	`revoked_by` text,
	FOREIGN KEY (`parcel_id`) REFERENCES `parcels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "trusted_pickups_status" CHECK("trusted_pickups"."status" in ('active', 'revoked', 'used', 'ended')),
	CONSTRAINT "trusted_pickups_source" CHECK("trusted_pickups"."source" in ('standing', 'parcel')),
	CONSTRAINT "trusted_pickups_code_pair" CHECK(("trusted_pickups"."code_hash" is null) = ("trusted_pickups"."code_cipher" is null)),
	CONSTRAINT "trusted_pickups_closed" CHECK(("trusted_pickups"."status" = 'active') = ("trusted_pickups"."closed_at" is null)),
	CONSTRAINT "trusted_pickups_revoked_by" CHECK(("trusted_pickups"."status" = 'revoked') = ("trusted_pickups"."revoked_by" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trusted_pickups_one_active` ON `trusted_pickups` (`parcel_id`) WHERE "trusted_pickups"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX `trusted_pickups_code_active_unique` ON `trusted_pickups` (`site_id`,`code_hash`) WHERE "trusted_pickups"."status" = 'active' and "trusted_pickups"."code_hash" is not null;--> statement-breakpoint
CREATE INDEX `trusted_pickups_phone` ON `trusted_pickups` (`phone`,`created_at`);--> statement-breakpoint
-- Hand-written: a trusted person's code works only while its parcel is in the locker and the
-- row is active (lib/trusted, decision 0001). A parcel leaving the locker (collected,
-- returned, cancelled) ends every code still working for it, whatever code path moved it.
CREATE TRIGGER `trusted_pickups_end_with_parcel` AFTER UPDATE OF `state` ON `parcels`
  WHEN NEW.`state` NOT IN ('announced', 'reserved', 'deposited', 'expired')
BEGIN
  UPDATE `trusted_pickups` SET `status` = 'ended', `closed_at` = NEW.`updated_at`
   WHERE `parcel_id` = NEW.`id` AND `status` = 'active';
END;
--> statement-breakpoint
-- Only a parcel on its way or in the locker may get a trusted person, and a code only once it is in the locker.
CREATE TRIGGER `trusted_pickups_insert_live_parcel` BEFORE INSERT ON `trusted_pickups`
  WHEN NEW.`status` = 'active' AND NOT EXISTS (
    SELECT 1 FROM `parcels` WHERE `id` = NEW.`parcel_id` AND `site_id` = NEW.`site_id`
       AND `state` IN ('announced', 'reserved', 'deposited', 'expired')
       AND (NEW.`code_hash` IS NULL OR `state` IN ('deposited', 'expired')))
BEGIN
  SELECT RAISE(ABORT, 'trusted_pickup_parcel_not_live');
END;
--> statement-breakpoint
-- Revoked, used and ended rows are history: never changed again (a revoked code never comes back).
CREATE TRIGGER `trusted_pickups_closed_is_final` BEFORE UPDATE ON `trusted_pickups`
  WHEN OLD.`status` <> 'active'
BEGIN
  SELECT RAISE(ABORT, 'trusted_pickup_closed');
END;
--> statement-breakpoint
CREATE TRIGGER `trusted_pickups_code_live_parcel` BEFORE UPDATE OF `code_hash` ON `trusted_pickups`
  WHEN NEW.`code_hash` IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM `parcels` WHERE `id` = NEW.`parcel_id` AND `state` IN ('deposited', 'expired'))
BEGIN
  SELECT RAISE(ABORT, 'trusted_pickup_parcel_not_live');
END;
--> statement-breakpoint
-- Invariant 3 across both kinds of code: a trusted code never equals a live parcel's own
-- code at the site, nor the other way round, so one typed code names at most one door.
CREATE TRIGGER `trusted_pickups_code_unique_insert` BEFORE INSERT ON `trusted_pickups`
  WHEN NEW.`code_hash` IS NOT NULL AND EXISTS (
    SELECT 1 FROM `parcels` WHERE `site_id` = NEW.`site_id` AND `pickup_code_hash` = NEW.`code_hash`
       AND `state` IN ('announced', 'reserved', 'deposited', 'expired'))
BEGIN
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: trusted_pickups.code_hash');
END;
--> statement-breakpoint
CREATE TRIGGER `trusted_pickups_code_unique_update` BEFORE UPDATE OF `code_hash` ON `trusted_pickups`
  WHEN NEW.`code_hash` IS NOT NULL AND EXISTS (
    SELECT 1 FROM `parcels` WHERE `site_id` = NEW.`site_id` AND `pickup_code_hash` = NEW.`code_hash`
       AND `state` IN ('announced', 'reserved', 'deposited', 'expired'))
BEGIN
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: trusted_pickups.code_hash');
END;
--> statement-breakpoint
CREATE TRIGGER `parcels_code_unique_against_trusted` BEFORE UPDATE OF `pickup_code_hash` ON `parcels`
  WHEN NEW.`pickup_code_hash` IS NOT NULL AND EXISTS (
    SELECT 1 FROM `trusted_pickups` WHERE `site_id` = NEW.`site_id` AND `code_hash` = NEW.`pickup_code_hash`
       AND `status` = 'active')
BEGIN
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: parcels.pickup_code_hash');
END;
