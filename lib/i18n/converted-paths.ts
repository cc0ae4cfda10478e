/**
 * The files and folders whose user-facing words all come from messages/*.json: the test
 * lib/i18n/hard-coded-text.test.ts fails on any JSX text or user-facing attribute written
 * in them. Each screen joins the list as it is converted (issue 15); the list only grows.
 */
export const CONVERTED_PATHS: readonly string[] = [
  "app/layout.tsx",
  "app/global-error.tsx",
  "app/not-found.tsx",
  "app/error.tsx",
  "app/_i18n",
  "app/(main)/layout.tsx",
  "app/(main)/error.tsx",
  "app/(main)/(auth)",
  "app/(main)/dev/mailbox",
  "app/(main)/(customer)/account/page.tsx",
  "app/(main)/(customer)/account/loading.tsx",
  "app/(main)/(customer)/account/password-form.tsx",
  "app/(main)/(customer)/account/preferred-site-form.tsx",
  "components/i18n",
  "components/layout",
  "components/ui/skeleton.tsx",
  "app/(main)/courier/layout.tsx",
  "app/(main)/courier/sites/[siteId]/page.tsx",
  "app/(main)/courier/sites/[siteId]/deposit-form.tsx",
  "app/(main)/courier/sites/[siteId]/deposit",
  "app/(main)/courier/sites/[siteId]/take-back",
  "components/courier/courier-nav.tsx",
  "components/courier/site-tabs.tsx",
  "components/courier/size-picker.tsx",
  "components/admin/locker-layout-editor.tsx",
  "components/customer/reach",
  "app/(main)/admin/sites/[siteId]/lockers",
  "components/courier/site-full-notice.tsx",
  "components/courier/locker-map.tsx",
  "components/courier/retry-door-form.tsx",
  "components/courier/scan",
];
