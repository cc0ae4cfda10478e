import { z } from "zod";

/** Phones are kept as digits with an optional leading +, so one number has one spelling. */
export function normalizePhone(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, "");
  return trimmed.startsWith("+") ? `+${digits}` : digits;
}

export const Phone = z
  .string()
  .trim()
  .min(1, "enterPhone")
  .refine((value) => /^\+?[\d\s().-]+$/.test(value), "phoneCharacters")
  .transform(normalizePhone)
  .refine((value) => /^\+?\d{7,15}$/.test(value), "phoneLength");

/** 138****5678 — enough for a person to recognise their own number. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return phone;
  return `${phone.slice(0, 3)}${"*".repeat(phone.length - 7)}${phone.slice(-4)}`;
}
