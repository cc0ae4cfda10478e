"use client";

import { Field, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction, type FormAction } from "@/components/ui/use-form-action";

/**
 * Pairs the screen that shows a code (an unpaired /kiosk page) from the admin's own device:
 * the code, and which of the site's kiosks the screen becomes.
 */
export function PairByCodeForm({
  siteId,
  siteName,
  kiosks,
  action,
}: {
  siteId: number;
  siteName: string;
  kiosks: { id: number; name: string }[];
  action: FormAction;
}) {
  const { state, formAction, values, errors } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <p className="text-sm text-gray-800">
        On the locker&apos;s screen, open its kiosk address and choose <strong>Show a pairing code</strong>. Enter only a code you see
        on {siteName}&apos;s own screen: the screen that shows it will open doors for anyone with a right code.
      </p>
      <input type="hidden" name="siteId" value={siteId} />
      <Field
        name="pairingCode"
        label="Code on the screen"
        hint="8 letters and digits, like K7MQ-4XRT."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={12}
        required
        defaultValue={values.pairingCode}
        errors={errors.pairingCode}
        className="max-w-xs"
      />
      <Select name="kioskId" label="The screen becomes" defaultValue={values.kioskId ?? String(kiosks[0]?.id ?? "")} errors={errors.kioskId} className="max-w-xs">
        {kiosks.map((kiosk) => (
          <option key={kiosk.id} value={kiosk.id}>
            {kiosk.name}
          </option>
        ))}
        <option value="">A new kiosk</option>
      </Select>
      <div>
        <SubmitButton pendingLabel="Pairing…">Pair the screen</SubmitButton>
      </div>
    </form>
  );
}
