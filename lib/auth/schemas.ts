import { z } from "zod";
import { Phone } from "@/lib/phone";

export const Password = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const SignInInput = z.object({
  identifier: z.string().trim().min(1, "Enter your email or phone number.").max(200),
  password: z.string().min(1, "Enter your password.").max(200),
});
export type SignInInput = z.input<typeof SignInInput>;

export const SignUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80, "Use at most 80 characters."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  phone: Phone,
  password: Password,
});
export type SignUpInput = z.input<typeof SignUpInput>;

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: Password,
});
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;
