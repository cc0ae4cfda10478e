-- hand-written (carry over at merge): the languages of issue 15. drizzle-kit generated
-- rebuilds of organizations, sites and users for the CHECKs, copying columns the old tables
-- do not have and dropping tables others reference; SQLite adds a column with its CHECK in
-- place (as 0009 does). The snapshot (meta/0014) records the same shape. Existing
-- organizations get zh-CN: the campuses this network serves are Chinese.
ALTER TABLE `organizations` ADD `default_locale` text DEFAULT 'zh-CN' NOT NULL CONSTRAINT "organizations_default_locale" CHECK("default_locale" in ('zh-CN', 'en'));--> statement-breakpoint
ALTER TABLE `sites` ADD `default_locale` text CONSTRAINT "sites_default_locale" CHECK("default_locale" is null or "default_locale" in ('zh-CN', 'en'));--> statement-breakpoint
ALTER TABLE `users` ADD `locale` text CONSTRAINT "users_locale" CHECK("locale" is null or "locale" in ('zh-CN', 'en'));
