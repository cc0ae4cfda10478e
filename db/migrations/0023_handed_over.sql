ALTER TABLE `parcels` ADD `handed_over_at` integer;--> statement-breakpoint
-- Parcels handed over before this column: their cancellation event says so. They are
-- closed at that moment too, as every other cancellation is (the handover did not set it).
UPDATE `parcels` SET `handed_over_at` = (
  SELECT e.`at` FROM `parcel_events` e
  WHERE e.`parcel_id` = `parcels`.`id` AND e.`kind` = 'cancelled' AND json_extract(e.`detail`, '$.deliveredInPerson') = 1
  ORDER BY e.`at` DESC LIMIT 1
) WHERE `state` = 'cancelled' AND `deliver_in_person_at` IS NOT NULL;
--> statement-breakpoint
UPDATE `parcels` SET `closed_at` = `handed_over_at` WHERE `handed_over_at` IS NOT NULL AND `closed_at` IS NULL;
