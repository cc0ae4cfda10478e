CREATE TABLE `cabinet_presence` (
	`controller_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`session` text,
	`last_seen_at` integer NOT NULL,
	`heartbeat_interval_ms` integer,
	`changed_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `door_events` ADD `purpose` text;--> statement-breakpoint
ALTER TABLE `door_events` ADD `message_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `door_events_message` ON `door_events` (`message_id`);--> statement-breakpoint
-- hand-written (carry over at merge): door_events.purpose backfilled from the strings the software wrote in reason until now.
UPDATE `door_events` SET `purpose` = CASE
	WHEN EXISTS (SELECT 1 FROM `users` u WHERE u.`id` = `door_events`.`actor_user_id` AND u.`role` = 'admin') THEN 'remote'
	WHEN `reason` = 'take back' THEN 'take_back'
	WHEN `reason` = 'take back retry' THEN 'take_back_retry'
	WHEN `reason` = 'pickup retry' THEN 'pickup_retry'
	WHEN `actor_kind` = 'kiosk' THEN 'pickup'
	WHEN `reason` IS NOT NULL THEN 'remote'
	ELSE 'deposit'
END WHERE `kind` = 'open_command';--> statement-breakpoint
UPDATE `door_events` SET `purpose` = (
	SELECT c.`purpose` FROM `door_events` c
	WHERE c.`kind` = 'open_command' AND c.`slot_id` = `door_events`.`slot_id` AND c.`parcel_id` IS `door_events`.`parcel_id` AND c.`id` < `door_events`.`id`
	ORDER BY c.`id` DESC LIMIT 1
) WHERE `kind` = 'open_failed';--> statement-breakpoint
UPDATE `door_events` SET `reason` = NULL WHERE `purpose` IN ('take_back', 'take_back_retry', 'pickup_retry');
