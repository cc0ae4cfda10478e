import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { ConfirmPanel } from "@/components/admin/confirm-panel";
import { PageHeader, Panel } from "@/components/admin/page-header";
import { listApiTokens, tokenSubjects } from "@/lib/auth/api-tokens";
import { formatDateTime } from "@/lib/format";
import { adminPageContext } from "../admin-context";
import { revokeTokenAction } from "./actions";
import { TokenForm } from "./token-form";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage() {
  const ctx = await adminPageContext();
  const tokens = listApiTokens(ctx);
  const subjects = tokenSubjects(ctx);
  return (
    <section className="flex flex-col gap-6">
      <PageHeader
        title="API tokens"
        description={
          <>
            Tokens let courier handhelds, carriers&apos; systems and kiosk controllers use the{" "}
            <Link href="/api/v1/openapi.json" className="text-brand-700 underline">
              device API
            </Link>
            . Each acts as one courier account or one kiosk; revoke a lost device&apos;s token at once.
          </>
        }
      />
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
        {tokens.length === 0 ? (
          <p className="rounded-xl border border-dashed border-gray-300 p-6 text-center text-gray-700">
            No tokens yet. Create one for each device or carrier system that needs the API.
          </p>
        ) : (
          <ul className="flex flex-col gap-3" aria-label="API tokens">
            {tokens.map((token) => (
              <li key={token.id} className="flex flex-col gap-2 rounded-xl border border-gray-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-semibold">{token.name}</h2>
                  <span className={`text-sm font-semibold ${token.revokedAt ? "text-red-700" : "text-green-800"}`}>
                    {token.revokedAt ? `Revoked ${formatDateTime(token.revokedAt)}` : "Active"}
                  </span>
                </div>
                <p className="text-sm text-gray-700">
                  <span className="font-mono">{token.prefix}…</span> · {token.scope} token · acts as {token.subject} · created{" "}
                  {formatDateTime(token.createdAt)} · {token.lastUsedAt ? `last used ${formatDateTime(token.lastUsedAt)}` : "never used"}
                </p>
                {token.revokedAt ? null : (
                  <ConfirmPanel label={`Revoke ${token.name}`}>
                    <ActionForm
                      action={revokeTokenAction}
                      hidden={{ tokenId: token.id }}
                      submitLabel="Revoke token"
                      pendingLabel="Revoking…"
                      variant="danger"
                      intro={<p className="text-sm">Devices using this token stop working at once. This cannot be undone.</p>}
                    />
                  </ConfirmPanel>
                )}
              </li>
            ))}
          </ul>
        )}
        <Panel id="new-token-panel" title="Create a token">
          <TokenForm subjects={subjects} />
        </Panel>
      </div>
    </section>
  );
}
