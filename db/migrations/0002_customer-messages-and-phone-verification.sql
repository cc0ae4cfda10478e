CREATE TABLE `mailbox_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notification_id` integer NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`parcel_id` integer,
	`user_id` integer,
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`body_cipher` text NOT NULL,
	`delivered_at` integer NOT NULL,
	FOREIGN KEY (`notification_id`) REFERENCES `notifications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parcel_id`) REFERENCES `parcels`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mailbox_messages_notification` ON `mailbox_messages` (`notification_id`);--> statement-breakpoint
CREATE INDEX `mailbox_messages_recipient` ON `mailbox_messages` (`recipient`,`delivered_at`);--> statement-breakpoint
CREATE INDEX `mailbox_messages_parcel` ON `mailbox_messages` (`parcel_id`);--> statement-breakpoint
CREATE TABLE `phone_verifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`phone` text NOT NULL,
	`code_hash` text NOT NULL,
	`code_cipher` text,
	`expires_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`verified_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "phone_verifications_attempts" CHECK("phone_verifications"."attempts" >= 0)
);
--> statement-breakpoint
CREATE INDEX `phone_verifications_user` ON `phone_verifications` (`user_id`,`created_at`);