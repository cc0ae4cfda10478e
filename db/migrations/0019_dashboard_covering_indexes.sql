DROP INDEX `parcel_events_site_at`;--> statement-breakpoint
CREATE INDEX `parcel_events_site_state_at` ON `parcel_events` (`site_id`,`to_state`,`at`);--> statement-breakpoint
DROP INDEX `parcels_site_collected`;--> statement-breakpoint
CREATE INDEX `parcels_site_closed` ON `parcels` (`site_id`,`closed_at`,`state`,`deposited_at`);