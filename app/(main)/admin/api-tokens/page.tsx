import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { ConfirmPanel } from "@/components/ui/confirm-panel";
import { PageHeader, Panel } from "@/components/admin/page-header";
import { listApiTokens, tokenSubjects } from "@/lib/auth/api-tokens";
import { formatAt } from "@/lib/format";
import { requestLocale } from "@/lib/i18n/request-locale";
import { prevailingTimeZone } from "@/lib/time";
import { requireAdmin } from "@/lib/auth/authorize";
import { organizationTimeZones } from "@/lib/sites/time-zone";
import { adminPageContext } from "../admin-context";
import { revokeTokenAction } from "./actions";
import { TokenForm } from "./token-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.apiTokens");
  return { title: t("title") };
}

export default async function ApiTokensPage() {
  const ctx = await adminPageContext();
  const tokens = listApiTokens(ctx);
  const subjects = tokenSubjects(ctx);
  const t = await getTranslations("admin.apiTokens");
  // A token belongs to no site: its times are in the zone most of the organization's sites keep.
  const time = { locale: await requestLocale(), timeZone: prevailingTimeZone(organizationTimeZones(ctx, requireAdmin(ctx).organizationId)) };
  const at = (ms: number) => formatAt(ms, time);
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={
          <>
            {t("descriptionBefore")}
            <Link href="/api/v1/openapi.json" className="text-brand-700 underline">
              {t("descriptionLink")}
            </Link>
            {t("descriptionAfter")}
          </>
        }
      />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        {tokens.length === 0 ? (
          <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-gray-700">{t("empty")}</p>
        ) : (
          <ul className="flex flex-col gap-3" aria-label={t("list")}>
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-col gap-2 rounded-xl border border-gray-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-semibold">{token.name}</h2>
                  <span className={`text-sm font-semibold ${token.revokedAt ? "text-red-700" : "text-green-800"}`}>
                    {token.revokedAt ? t("revokedAt", { time: at(token.revokedAt) }) : t("active")}
                  </span>
                </div>
                <p className="text-sm text-gray-700">
                  <span className="font-mono">{token.prefix}…</span> · {t("scope", { scope: token.scope })} ·{" "}
                  {token.subject.kind === "courier"
                    ? t("actsAsCourier", { name: token.subject.name })
                    : t("actsAsKiosk", { name: token.subject.name, site: token.subject.site })}{" "}
                  · {t("created", { time: at(token.createdAt) })} · {token.lastUsedAt ? t("lastUsed", { time: at(token.lastUsedAt) }) : t("neverUsed")}
                </p>
                {token.revokedAt ? null : (
                  <ConfirmPanel label={t("revokeOpen", { name: token.name })}>
                    <ActionForm
                      action={revokeTokenAction}
                      hidden={{ tokenId: token.id }}
                      submitLabel={t("revoke")}
                      pendingLabel={t("revoking")}
                      variant="danger"
                      intro={<p className="text-sm">{t("revokeIntro")}</p>}
                    />
                  </ConfirmPanel>
                )}
              </li>
            ))}
          </ul>
        )}
        <Panel id="new-token-panel" title={t("create")}>
          <TokenForm subjects={subjects} />
        </Panel>
      </div>
    </section>
  );
}
