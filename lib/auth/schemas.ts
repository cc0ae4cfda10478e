import { z } from "zod";
import { Phone } from "@/lib/phone";

export const Password = z
  .string()
  .min(10, "tooShort")
  .max(200, "tooLong");

export const SignInInput = z.object({
  identifier: z.string().trim().min(1, "enterIdentifier").max(200),
  password: z.string().min(1, "enterPassword").max(200),
});
export type SignInInput = z.input<typeof SignInInput>;

export const SignUpInput = z.object({
  name: z.string().trim().min(1, "enterName").max(80, "tooLong"),
  email: z.string().trim().toLowerCase().pipe(z.email("enterEmail")),
  phone: Phone,
  password: Password,
});
export type SignUpInput = z.input<typeof SignUpInput>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "enterCurrentPassword").max(200),
  newPassword: Password,
});
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;
