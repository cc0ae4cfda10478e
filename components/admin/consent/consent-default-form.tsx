import type { ConsentChoice } from "@/db/enums";
import { ActionForm } from "@/components/admin/action-form";
import { Panel } from "@/components/admin/page-header";
import type { FormAction } from "@/components/ui/use-form-action";

const CHOICES: Record<ConsentChoice, { name: string; means: string; button: string }> = {
  allow: {
    name: "Lockers are fine",
    means: "Couriers may use a locker; each such deposit is recorded as allowed by your default, apart from recipients' own consent.",
    button: "Allow lockers by default",
  },
  ask: {
    name: "Ask first",
    means: "Each such recipient gets a one-tap question by text before a courier may use a locker.",
    button: "Ask recipients first",
  },
  refuse: {
    name: "Never a locker",
    means: "Their parcels are delivered in person unless the recipient says a locker is fine.",
    button: "Keep them out of lockers",
  },
};

/**
 * The organization's answer for recipients who recorded no preference, with a button for
 * each answer; the current one is disabled (each form stays mounted, so its message stays).
 */
export function ConsentDefaultForm({ current, action }: { current: ConsentChoice; action: FormAction }) {
  return (
    <Panel id="consent-default" title="Recipients with no preference">
      <p className="text-sm text-gray-800">
        Now: <strong>{CHOICES[current].name}.</strong> {CHOICES[current].means}
      </p>
      <p className="text-sm text-gray-700">
        Chinese law (快递市场管理办法, Article 28) asks for the recipient&apos;s consent before a locker. Asking first is the safe choice; a
        change applies from the next deposit, never to parcels already in a locker.
      </p>
      <div className="mt-2 flex flex-col gap-3 sm:flex-row">
        {(Object.keys(CHOICES) as ConsentChoice[]).map((choice) => (
          <ActionForm
            key={choice}
            action={action}
            hidden={{ consentDefault: choice }}
            submitLabel={CHOICES[choice].button}
            pendingLabel="Saving…"
            variant={choice === "ask" ? "primary" : "secondary"}
            disabled={choice === current}
          />
        ))}
      </div>
    </Panel>
  );
}
