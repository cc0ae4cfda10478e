ALTER TABLE `lockers` ADD `retired_at` integer;--> statement-breakpoint
ALTER TABLE `slots` ADD `retired_at` integer;