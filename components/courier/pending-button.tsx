"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "@/components/ui/button";

type Variant = Parameters<typeof buttonClass>[0];

/**
 * A submit button in any of the button variants that says what is happening while its
 * form is sent (SubmitButton is the primary-only one).
 */
export function PendingButton({
  children,
  pendingLabel,
  variant = "primary",
  className = "",
  disabled = false,
}: {
  children: ReactNode;
  pendingLabel: string;
  variant?: Variant;
  className?: string;
  disabled?: boolean;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending || disabled} aria-disabled={pending || disabled} className={buttonClass(variant, className)}>
      {pending ? pendingLabel : children}
    </button>
  );
}
