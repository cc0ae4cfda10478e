CREATE TABLE `reach_needs` (
	`phone` text PRIMARY KEY NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_user_id` integer,
	FOREIGN KEY (`updated_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `parcels` ADD `within_reach` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `slots` ADD `bottom_mm` integer;--> statement-breakpoint
-- Heights for the cabinets already standing (lib/slots/reach.ts, defaultRowBottoms, does the
-- same for new ones): a 100 mm plinth, then each row as tall as its tallest door's inner
-- height plus 30 mm of frame, counted up from the bottom row. Admins correct them per row.
WITH `row_pitch` AS (
  SELECT `locker_id`, `row`,
         MAX(CASE `size` WHEN 'S' THEN 80 WHEN 'M' THEN 190 WHEN 'L' THEN 390 ELSE 640 END) + 30 AS `pitch`
  FROM `slots` GROUP BY `locker_id`, `row`
)
UPDATE `slots` SET `bottom_mm` = 100 + COALESCE(
  (SELECT SUM(p.`pitch`) FROM `row_pitch` p WHERE p.`locker_id` = `slots`.`locker_id` AND p.`row` > `slots`.`row`), 0);
--> statement-breakpoint
-- A parcel whose recipient needs a door within reach only ever gets a door whose bottom edge
-- lies in the reach band, 380-1220 mm (ADA 2010 §308: 15-48 in); the assignment's WHERE
-- keeps to it, and this says so where no code path can forget it.
CREATE TRIGGER `parcels_within_reach_insert`
BEFORE INSERT ON `parcels`
WHEN NEW.`slot_id` IS NOT NULL AND NEW.`within_reach` = 1
BEGIN
  SELECT RAISE(ABORT, 'slot is not within reach')
  WHERE NOT EXISTS (SELECT 1 FROM `slots` s WHERE s.`id` = NEW.`slot_id` AND s.`bottom_mm` BETWEEN 380 AND 1220);
END;
--> statement-breakpoint
CREATE TRIGGER `parcels_within_reach_update`
BEFORE UPDATE OF `slot_id`, `within_reach` ON `parcels`
WHEN NEW.`slot_id` IS NOT NULL AND NEW.`within_reach` = 1
  AND (NEW.`slot_id` IS NOT OLD.`slot_id` OR OLD.`within_reach` = 0)
BEGIN
  SELECT RAISE(ABORT, 'slot is not within reach')
  WHERE NOT EXISTS (SELECT 1 FROM `slots` s WHERE s.`id` = NEW.`slot_id` AND s.`bottom_mm` BETWEEN 380 AND 1220);
END;
--> statement-breakpoint
CREATE TRIGGER `slots_bottom_mm_insert`
BEFORE INSERT ON `slots`
WHEN NEW.`bottom_mm` IS NOT NULL AND NEW.`bottom_mm` NOT BETWEEN 0 AND 3000
BEGIN
  SELECT RAISE(ABORT, 'door height out of range');
END;
--> statement-breakpoint
CREATE TRIGGER `slots_bottom_mm_update`
BEFORE UPDATE OF `bottom_mm` ON `slots`
WHEN NEW.`bottom_mm` IS NOT NULL AND NEW.`bottom_mm` NOT BETWEEN 0 AND 3000
BEGIN
  SELECT RAISE(ABORT, 'door height out of range');
END;
