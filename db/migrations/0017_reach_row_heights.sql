-- A door holding a live parcel whose recipient needs a door within reach keeps its bottom
-- edge in the reach band, 380-1220 mm (lib/slots/reach.ts): an admin correcting a row's
-- height cannot move the promise out from under the parcel (0016 guards the parcel's side).
CREATE TRIGGER `slots_bottom_mm_within_reach`
BEFORE UPDATE OF `bottom_mm` ON `slots`
WHEN NEW.`bottom_mm` IS NULL OR NEW.`bottom_mm` NOT BETWEEN 380 AND 1220
BEGIN
  SELECT RAISE(ABORT, 'door holds a parcel that needs a door within reach')
  WHERE EXISTS (
    SELECT 1 FROM `parcels` p
    WHERE p.`slot_id` = NEW.`id` AND p.`within_reach` = 1 AND p.`state` IN ('reserved', 'deposited', 'expired')
  );
END;
