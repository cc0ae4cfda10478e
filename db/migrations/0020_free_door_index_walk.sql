DROP INDEX `slots_assignment`;--> statement-breakpoint
ALTER TABLE `slots` ADD `locker_code` text;--> statement-breakpoint
CREATE INDEX `slots_assignment` ON `slots` (`site_id`,`in_service`,`size_rank`,`reach`,`locker_code`,`row`,`column`);--> statement-breakpoint
-- hand-written: slots.locker_code is the locker's code, kept by the database so that no
-- path that adds doors can leave it out (best fit orders by it: lib/slots/assignment.ts).
UPDATE `slots` SET `locker_code` = (SELECT `code` FROM `lockers` WHERE `lockers`.`id` = `slots`.`locker_id`);--> statement-breakpoint
CREATE TRIGGER `slots_locker_code_insert` AFTER INSERT ON `slots`
BEGIN
  UPDATE `slots` SET `locker_code` = (SELECT `code` FROM `lockers` WHERE `id` = NEW.`locker_id`) WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `slots_locker_code_update` AFTER UPDATE OF `locker_id`, `locker_code` ON `slots`
WHEN NEW.`locker_code` IS NOT (SELECT `code` FROM `lockers` WHERE `id` = NEW.`locker_id`)
BEGIN
  UPDATE `slots` SET `locker_code` = (SELECT `code` FROM `lockers` WHERE `id` = NEW.`locker_id`) WHERE `id` = NEW.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `lockers_code_to_slots` AFTER UPDATE OF `code` ON `lockers`
BEGIN
  UPDATE `slots` SET `locker_code` = NEW.`code` WHERE `locker_id` = NEW.`id`;
END;
