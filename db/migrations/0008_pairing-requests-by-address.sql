ALTER TABLE `kiosk_pairing_requests` ADD `requested_by` text;--> statement-breakpoint
CREATE INDEX `kiosk_pairing_requests_requested_by` ON `kiosk_pairing_requests` (`requested_by`,`expires_at`);