"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "./button";

type Variant = Parameters<typeof buttonClass>[0];

/**
 * Every form's submit button, in any button variant: disabled and saying so while its form is
 * sent ("Saving…" from `ui` unless the form says better). A client tree whose forms rely on
 * that default needs `ui` among its MessagesProvider's namespaces.
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  className = "",
  disabled = false,
}: {
  children: ReactNode;
  pendingLabel?: string;
  variant?: Variant;
  className?: string;
  disabled?: boolean;
}) {
  const { pending } = useFormStatus();
  const t = useTranslations("ui");
  return (
    <button type="submit" disabled={pending || disabled} aria-disabled={pending || disabled} className={buttonClass(variant, className)}>
      {pending ? (pendingLabel ?? t("saving")) : children}
    </button>
  );
}
