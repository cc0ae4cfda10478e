CREATE TABLE `kiosk_pairing_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` integer NOT NULL,
	`code` text NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kiosk_pairing_requests_code_unique` ON `kiosk_pairing_requests` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `kiosk_pairing_requests_token_hash_unique` ON `kiosk_pairing_requests` (`token_hash`);--> statement-breakpoint
CREATE INDEX `kiosk_pairing_requests_site` ON `kiosk_pairing_requests` (`site_id`,`expires_at`);