-- Invariants 2 and 5 of DESIGN.md, which an index cannot say: a parcel is only put in a
-- door at its own site, at least its own size, and in service. Checked whenever a parcel
-- gets a door (insert with a door, or a change of door or of declared size).
CREATE TRIGGER `parcels_slot_fits_insert`
BEFORE INSERT ON `parcels`
WHEN NEW.`slot_id` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'slot does not fit parcel: wrong site, too small or out of service')
  WHERE NOT EXISTS (
    SELECT 1 FROM `slots` s
    WHERE s.`id` = NEW.`slot_id` AND s.`site_id` = NEW.`site_id`
      AND s.`size_rank` >= NEW.`size_rank` AND s.`in_service` = 1
  );
END;
--> statement-breakpoint
CREATE TRIGGER `parcels_slot_fits_update`
BEFORE UPDATE OF `slot_id`, `size_rank`, `site_id` ON `parcels`
WHEN NEW.`slot_id` IS NOT NULL
  AND (NEW.`slot_id` IS NOT OLD.`slot_id` OR NEW.`size_rank` IS NOT OLD.`size_rank` OR NEW.`site_id` IS NOT OLD.`site_id`)
BEGIN
  SELECT RAISE(ABORT, 'slot does not fit parcel: wrong site, too small or out of service')
  WHERE NOT EXISTS (
    SELECT 1 FROM `slots` s
    WHERE s.`id` = NEW.`slot_id` AND s.`site_id` = NEW.`site_id`
      AND s.`size_rank` >= NEW.`size_rank` AND s.`in_service` = 1
  );
END;
--> statement-breakpoint
-- A parcel's events and door history are the audit trail: they are never edited.
CREATE TRIGGER `parcel_events_append_only_update`
BEFORE UPDATE ON `parcel_events`
BEGIN
  SELECT RAISE(ABORT, 'parcel events are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `parcel_events_append_only_delete`
BEFORE DELETE ON `parcel_events`
BEGIN
  SELECT RAISE(ABORT, 'parcel events are append-only');
END;
--> statement-breakpoint
-- Sizes are reference data every door and parcel points at.
INSERT INTO `slot_sizes` (`size`, `rank`, `width_mm`, `height_mm`, `depth_mm`) VALUES
  ('S', 1, 410, 80, 600),
  ('M', 2, 410, 190, 600),
  ('L', 3, 410, 390, 600),
  ('XL', 4, 410, 640, 600);
