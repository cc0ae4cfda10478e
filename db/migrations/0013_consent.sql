CREATE TABLE `consent_preferences` (
	`phone` text PRIMARY KEY NOT NULL,
	`standing` text NOT NULL,
	`exceptions` text DEFAULT '[]' NOT NULL,
	`away_until` text,
	`updated_at` integer NOT NULL,
	`updated_by_user_id` integer,
	FOREIGN KEY (`updated_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "consent_preferences_standing" CHECK("consent_preferences"."standing" in ('allow', 'ask', 'refuse'))
);
--> statement-breakpoint
CREATE TABLE `consent_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`parcel_id` integer NOT NULL,
	`recipient_phone` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reason` text NOT NULL,
	`requested_by_user_id` integer,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`sent_at` integer,
	`answered_at` integer,
	`answered_by_user_id` integer,
	FOREIGN KEY (`parcel_id`) REFERENCES `parcels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "consent_requests_status" CHECK("consent_requests"."status" in ('pending', 'granted', 'in_person', 'call_me', 'expired', 'cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consent_requests_one_pending` ON `consent_requests` (`parcel_id`) WHERE "consent_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX `consent_requests_phone` ON `consent_requests` (`recipient_phone`,`created_at`);--> statement-breakpoint
CREATE TABLE `parcel_consents` (
	`parcel_id` integer PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`request_id` integer,
	`attested_by_user_id` integer,
	`reference` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`parcel_id`) REFERENCES `parcels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`request_id`) REFERENCES `consent_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`attested_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "parcel_consents_source" CHECK("parcel_consents"."source" in ('standing', 'operator_default', 'per_parcel', 'phone_attested', 'carrier_supplied', 'before_recording')),
	CONSTRAINT "parcel_consents_attested" CHECK("parcel_consents"."source" <> 'phone_attested' or "parcel_consents"."attested_by_user_id" is not null),
	CONSTRAINT "parcel_consents_reference" CHECK("parcel_consents"."source" <> 'carrier_supplied' or "parcel_consents"."reference" is not null),
	CONSTRAINT "parcel_consents_request" CHECK("parcel_consents"."source" <> 'per_parcel' or "parcel_consents"."request_id" is not null)
);
--> statement-breakpoint
CREATE INDEX `parcel_consents_source` ON `parcel_consents` (`source`);--> statement-breakpoint
ALTER TABLE `organizations` ADD `consent_default` text DEFAULT 'allow' NOT NULL;--> statement-breakpoint
ALTER TABLE `parcels` ADD `deliver_in_person_at` integer;--> statement-breakpoint
-- hand-written (carry over at merge)
-- Every parcel already put in a locker gets a consent record that says honestly where it
-- came from: deposited before consent was recorded (issue 16). Nothing is invented.
INSERT INTO `parcel_consents` (`parcel_id`, `source`, `reference`, `recorded_at`)
  SELECT `id`, 'before_recording', 'deposited before consent was recorded', `deposited_at`
  FROM `parcels` WHERE `deposited_at` IS NOT NULL OR `state` IN ('deposited', 'collected', 'expired', 'returned');
--> statement-breakpoint
-- No parcel reaches `deposited` without a consent record (China's Express Delivery Market
-- Management Measures, Art. 28): the database refuses it, whatever code path tries.
CREATE TRIGGER `parcels_deposit_needs_consent` BEFORE UPDATE OF `state` ON `parcels`
  WHEN NEW.`state` = 'deposited' AND OLD.`state` <> 'deposited'
   AND NOT EXISTS (SELECT 1 FROM `parcel_consents` WHERE `parcel_id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'parcel_deposit_without_consent');
END;
--> statement-breakpoint
CREATE TRIGGER `parcels_insert_deposited_needs_consent` BEFORE INSERT ON `parcels`
  WHEN NEW.`state` IN ('deposited', 'collected', 'expired', 'returned')
   AND NOT EXISTS (SELECT 1 FROM `parcel_consents` WHERE `parcel_id` = NEW.`id`)
BEGIN
  SELECT RAISE(ABORT, 'parcel_deposit_without_consent');
END;
--> statement-breakpoint
-- The record is evidence: once written it is neither changed nor removed.
CREATE TRIGGER `parcel_consents_no_update` BEFORE UPDATE ON `parcel_consents`
BEGIN
  SELECT RAISE(ABORT, 'parcel_consent_is_permanent');
END;
--> statement-breakpoint
CREATE TRIGGER `parcel_consents_no_delete` BEFORE DELETE ON `parcel_consents`
BEGIN
  SELECT RAISE(ABORT, 'parcel_consent_is_permanent');
END;
