"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass } from "./button";

type Variant = Parameters<typeof buttonClass>[0];

/** Every form's submit button, in any button variant: disabled and saying so while its form is sent. */
export function SubmitButton({
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
