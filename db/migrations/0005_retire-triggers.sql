-- Removing cabinets and doors (docs/decisions/0004-admin-console.md). A door or a cabinet
-- that holds a live parcel (reserved, deposited or expired) is never retired or deleted:
-- the parcel would be behind a door the system no longer knows. The admin verbs check
-- first; these triggers are the last word, whoever writes.
CREATE TRIGGER `slots_retire_keeps_live_parcel`
BEFORE UPDATE OF `retired_at` ON `slots`
WHEN NEW.`retired_at` IS NOT NULL AND OLD.`retired_at` IS NULL
BEGIN
  SELECT RAISE(ABORT, 'door holds a live parcel: it cannot be removed')
  WHERE EXISTS (
    SELECT 1 FROM `parcels` p
    WHERE p.`slot_id` = NEW.`id` AND p.`state` IN ('reserved', 'deposited', 'expired')
  );
END;
--> statement-breakpoint
CREATE TRIGGER `slots_delete_keeps_live_parcel`
BEFORE DELETE ON `slots`
BEGIN
  SELECT RAISE(ABORT, 'door holds a live parcel: it cannot be removed')
  WHERE EXISTS (
    SELECT 1 FROM `parcels` p
    WHERE p.`slot_id` = OLD.`id` AND p.`state` IN ('reserved', 'deposited', 'expired')
  );
END;
--> statement-breakpoint
CREATE TRIGGER `lockers_retire_keeps_live_parcel`
BEFORE UPDATE OF `retired_at` ON `lockers`
WHEN NEW.`retired_at` IS NOT NULL AND OLD.`retired_at` IS NULL
BEGIN
  SELECT RAISE(ABORT, 'locker holds a live parcel: it cannot be removed')
  WHERE EXISTS (
    SELECT 1 FROM `parcels` p JOIN `slots` s ON s.`id` = p.`slot_id`
    WHERE s.`locker_id` = NEW.`id` AND p.`state` IN ('reserved', 'deposited', 'expired')
  );
  SELECT RAISE(ABORT, 'a locker is retired after all its doors')
  WHERE EXISTS (SELECT 1 FROM `slots` s WHERE s.`locker_id` = NEW.`id` AND s.`retired_at` IS NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `lockers_delete_keeps_live_parcel`
BEFORE DELETE ON `lockers`
BEGIN
  SELECT RAISE(ABORT, 'locker holds a live parcel: it cannot be removed')
  WHERE EXISTS (
    SELECT 1 FROM `parcels` p JOIN `slots` s ON s.`id` = p.`slot_id`
    WHERE s.`locker_id` = OLD.`id` AND p.`state` IN ('reserved', 'deposited', 'expired')
  );
END;
--> statement-breakpoint
-- A retired door stays out of service for ever, so assignment (and the fit triggers of
-- migration 0001, which require in_service = 1) can never pick it again.
CREATE TRIGGER `slots_retired_stay_out_of_service_update`
BEFORE UPDATE OF `in_service`, `retired_at` ON `slots`
WHEN NEW.`retired_at` IS NOT NULL AND NEW.`in_service` = 1
BEGIN
  SELECT RAISE(ABORT, 'a retired door stays out of service');
END;
--> statement-breakpoint
CREATE TRIGGER `slots_retired_stay_out_of_service_insert`
BEFORE INSERT ON `slots`
WHEN NEW.`retired_at` IS NOT NULL AND NEW.`in_service` = 1
BEGIN
  SELECT RAISE(ABORT, 'a retired door stays out of service');
END;
