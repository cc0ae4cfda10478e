CREATE TABLE `forecast_calendar_days` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organization_id` integer NOT NULL,
	`site_id` integer,
	`day` text NOT NULL,
	`kind` text NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "forecast_calendar_days_kind" CHECK("forecast_calendar_days"."kind" in ('sales', 'term_start')),
	CONSTRAINT "forecast_calendar_days_day" CHECK("forecast_calendar_days"."day" glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forecast_calendar_days_site_day` ON `forecast_calendar_days` (`site_id`,`day`) WHERE "forecast_calendar_days"."site_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `forecast_calendar_days_org_day` ON `forecast_calendar_days` (`organization_id`,`day`) WHERE "forecast_calendar_days"."site_id" is null;--> statement-breakpoint
CREATE TABLE `site_forecasts` (
	`site_id` integer PRIMARY KEY NOT NULL,
	`computed_at` integer NOT NULL,
	`body` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_crunch_reminder_once` ON `notifications` (`parcel_id`,`channel`) WHERE "notifications"."kind" = 'crunch_reminder';--> statement-breakpoint
CREATE INDEX `parcels_site_deposited` ON `parcels` (`site_id`,`deposited_at`);