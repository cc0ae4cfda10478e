CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`actor_user_id` integer,
	`action` text NOT NULL,
	`subject` text NOT NULL,
	`detail` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_org` ON `audit_log` (`organization_id`,`at`);--> statement-breakpoint
CREATE TABLE `carriers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`contact_phone` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `carriers_code_unique` ON `carriers` (`code`);--> statement-breakpoint
CREATE TABLE `courier_sites` (
	`user_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `site_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `courier_sites_site` ON `courier_sites` (`site_id`);--> statement-breakpoint
CREATE TABLE `door_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slot_id` integer NOT NULL,
	`site_id` integer NOT NULL,
	`parcel_id` integer,
	`kind` text NOT NULL,
	`actor_user_id` integer,
	`actor_kind` text NOT NULL,
	`reason` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`slot_id`) REFERENCES `slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parcel_id`) REFERENCES `parcels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `door_events_slot` ON `door_events` (`slot_id`,`at`);--> statement-breakpoint
CREATE INDEX `door_events_site` ON `door_events` (`site_id`,`at`);--> statement-breakpoint
CREATE TABLE `kiosks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kiosks_site_name` ON `kiosks` (`site_id`,`name`);--> statement-breakpoint
CREATE TABLE `lockers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`code` text NOT NULL,
	`controller_id` text NOT NULL,
	`rows` integer NOT NULL,
	`columns` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "lockers_shape" CHECK("lockers"."rows" between 1 and 20 and "lockers"."columns" between 1 and 40)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lockers_site_code` ON `lockers` (`site_id`,`code`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`parcel_id` integer,
	`user_id` integer,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`parcel_id`) REFERENCES `parcels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_due` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notifications_parcel` ON `notifications` (`parcel_id`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_slug_unique` ON `organizations` (`slug`);--> statement-breakpoint
CREATE TABLE `parcel_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parcel_id` integer NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`actor_user_id` integer,
	`actor_kind` text NOT NULL,
	`site_id` integer NOT NULL,
	`slot_id` integer,
	`detail` text,
	FOREIGN KEY (`parcel_id`) REFERENCES `parcels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`) REFERENCES `slots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `parcel_events_parcel` ON `parcel_events` (`parcel_id`,`at`);--> statement-breakpoint
CREATE TABLE `parcels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`carrier_id` integer NOT NULL,
	`tracking_number` text NOT NULL,
	`site_id` integer NOT NULL,
	`slot_id` integer,
	`state` text NOT NULL,
	`size` text NOT NULL,
	`size_rank` integer NOT NULL,
	`upsized` integer DEFAULT false NOT NULL,
	`recipient_phone` text NOT NULL,
	`recipient_name` text,
	`recipient_email` text,
	`courier_id` integer,
	`pickup_code_hash` text,
	`pickup_code_cipher` text,
	`reserved_until` integer,
	`deposited_at` integer,
	`expires_at` integer,
	`hold_extended` integer DEFAULT false NOT NULL,
	`reminder_queued_at` integer,
	`closed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`carrier_id`) REFERENCES `carriers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`) REFERENCES `slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`courier_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "parcels_state" CHECK("parcels"."state" in ('announced', 'reserved', 'deposited', 'collected', 'expired', 'returned', 'cancelled')),
	CONSTRAINT "parcels_size_rank" CHECK("parcels"."size_rank" = case "parcels"."size" when 'S' then 1 when 'M' then 2 when 'L' then 3 when 'XL' then 4 end),
	CONSTRAINT "parcels_live_has_slot" CHECK("parcels"."state" not in ('reserved', 'deposited', 'expired') or "parcels"."slot_id" is not null),
	CONSTRAINT "parcels_code_when_deposited" CHECK("parcels"."state" not in ('deposited', 'expired') or ("parcels"."pickup_code_hash" is not null and "parcels"."expires_at" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slot_live_parcel_unique` ON `parcels` (`slot_id`) WHERE "parcels"."state" in ('reserved', 'deposited', 'expired');--> statement-breakpoint
CREATE UNIQUE INDEX `pickup_code_live_unique` ON `parcels` (`site_id`,`pickup_code_hash`) WHERE "parcels"."state" in ('reserved', 'deposited', 'expired') and "parcels"."pickup_code_hash" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `tracking_live_unique` ON `parcels` (`carrier_id`,`tracking_number`) WHERE "parcels"."state" in ('announced', 'reserved', 'deposited', 'expired');--> statement-breakpoint
CREATE INDEX `parcels_tracking` ON `parcels` (`tracking_number`);--> statement-breakpoint
CREATE INDEX `parcels_recipient_phone` ON `parcels` (`recipient_phone`,`created_at`);--> statement-breakpoint
CREATE INDEX `parcels_site_state` ON `parcels` (`site_id`,`state`,`expires_at`);--> statement-breakpoint
CREATE INDEX `parcels_carrier_state` ON `parcels` (`carrier_id`,`state`);--> statement-breakpoint
CREATE TABLE `pickup_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`kiosk_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`parcel_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kiosk_id`) REFERENCES `kiosks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parcel_id`) REFERENCES `parcels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pickup_attempts_kiosk` ON `pickup_attempts` (`kiosk_id`,`outcome`,`at`);--> statement-breakpoint
CREATE INDEX `pickup_attempts_site` ON `pickup_attempts` (`site_id`,`outcome`,`at`);--> statement-breakpoint
CREATE TABLE `sites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`latitude` real NOT NULL,
	`longitude` real NOT NULL,
	`opening_hours` text NOT NULL,
	`hold_period_hours` integer DEFAULT 72 NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "sites_status" CHECK("sites"."status" in ('open', 'closed')),
	CONSTRAINT "sites_hold_period" CHECK("sites"."hold_period_hours" between 1 and 720),
	CONSTRAINT "sites_latitude" CHECK("sites"."latitude" between -90 and 90),
	CONSTRAINT "sites_longitude" CHECK("sites"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sites_code_unique` ON `sites` (`code`);--> statement-breakpoint
CREATE INDEX `sites_organization` ON `sites` (`organization_id`);--> statement-breakpoint
CREATE TABLE `slot_sizes` (
	`size` text PRIMARY KEY NOT NULL,
	`rank` integer NOT NULL,
	`width_mm` integer NOT NULL,
	`height_mm` integer NOT NULL,
	`depth_mm` integer NOT NULL,
	CONSTRAINT "slot_sizes_rank" CHECK("slot_sizes"."rank" between 1 and 4)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slot_sizes_rank_unique` ON `slot_sizes` (`rank`);--> statement-breakpoint
CREATE TABLE `slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`locker_id` integer NOT NULL,
	`label` text NOT NULL,
	`row` integer NOT NULL,
	`column` integer NOT NULL,
	`size` text NOT NULL,
	`size_rank` integer NOT NULL,
	`reach` integer NOT NULL,
	`in_service` integer DEFAULT true NOT NULL,
	`out_of_service_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`locker_id`) REFERENCES `lockers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`size`) REFERENCES `slot_sizes`(`size`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "slots_size_rank" CHECK("slots"."size_rank" = case "slots"."size" when 'S' then 1 when 'M' then 2 when 'L' then 3 when 'XL' then 4 end),
	CONSTRAINT "slots_reason" CHECK("slots"."in_service" = 1 or "slots"."out_of_service_reason" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slots_locker_position` ON `slots` (`locker_id`,`row`,`column`);--> statement-breakpoint
CREATE UNIQUE INDEX `slots_site_label` ON `slots` (`site_id`,`label`);--> statement-breakpoint
CREATE INDEX `slots_assignment` ON `slots` (`site_id`,`in_service`,`size_rank`,`reach`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`phone_verified_at` integer,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`organization_id` integer,
	`carrier_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`preferred_site_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`carrier_id`) REFERENCES `carriers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`preferred_site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role" CHECK("users"."role" in ('customer', 'courier', 'admin')),
	CONSTRAINT "users_contact" CHECK("users"."email" is not null or "users"."phone" is not null),
	CONSTRAINT "users_courier_carrier" CHECK(("users"."role" = 'courier') = ("users"."carrier_id" is not null)),
	CONSTRAINT "users_admin_org" CHECK("users"."role" <> 'admin' or "users"."organization_id" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_unique` ON `users` (`phone`);