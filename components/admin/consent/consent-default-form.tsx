import { useTranslations } from "next-intl";
import type { ConsentChoice } from "@/db/enums";
import { ActionForm } from "@/components/admin/action-form";
import { Panel } from "@/components/admin/page-header";
import type { FormAction } from "@/components/ui/use-form-action";

/**
 * The organization's answer for recipients who recorded no preference, with a button for
 * each answer; the current one is disabled (each form stays mounted, so its message stays).
 */
// Every choice, in the order they are offered (a Record, so a new choice cannot be forgotten).
const CHOICES = Object.keys({ allow: 0, ask: 0, refuse: 0 } satisfies Record<ConsentChoice, 0>) as ConsentChoice[];

export function ConsentDefaultForm({ current, action }: { current: ConsentChoice; action: FormAction }) {
  const t = useTranslations("admin.consent.default");
  const tUi = useTranslations("ui");
  return (
    <Panel id="consent-default" title={t("title")}>
      <p className="text-sm text-gray-800">
        {t("now")} <strong>{t("current", { name: t(`${current}.name`) })}</strong> {t(`${current}.means`)}
      </p>
      <p className="text-sm text-gray-700">{t("law")}</p>
      <div className="mt-2 flex flex-col gap-3 sm:flex-row">
        {CHOICES.map((choice) => (
          <ActionForm
            key={choice}
            action={action}
            hidden={{ consentDefault: choice }}
            submitLabel={t(`${choice}.button`)}
            pendingLabel={tUi("saving")}
            variant={choice === "ask" ? "primary" : "secondary"}
            disabled={choice === current}
          />
        ))}
      </div>
    </Panel>
  );
}
