CREATE INDEX `outbound_dropping_off_until` ON `outbound_parcels` (`door_open_until`) WHERE "outbound_parcels"."state" = 'dropping_off';--> statement-breakpoint
CREATE INDEX `outbound_created_code_expires` ON `outbound_parcels` (`code_expires_at`) WHERE "outbound_parcels"."state" = 'created';--> statement-breakpoint
CREATE INDEX `outbound_dropped_off_unalerted` ON `outbound_parcels` (`dropped_off_at`) WHERE "outbound_parcels"."state" = 'dropped_off' and "outbound_parcels"."overdue_alerted_at" is null;--> statement-breakpoint
CREATE INDEX `parcels_reserved_until` ON `parcels` (`reserved_until`) WHERE "parcels"."state" = 'reserved';--> statement-breakpoint
CREATE INDEX `parcels_deposited_expires` ON `parcels` (`expires_at`) WHERE "parcels"."state" = 'deposited';