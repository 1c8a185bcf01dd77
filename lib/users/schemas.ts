import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password";

export const ROLES = ["CONTRIBUTOR", "EDITOR", "ADMIN"] as const;

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254, "That email address is too long."));

export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const ZRole = z.enum(ROLES, { message: "Choose CONTRIBUTOR, EDITOR or ADMIN." });

export const ZUserCreate = z.object({
  email: ZEmail,
  name: z.string().trim().min(1, "Enter a name.").max(120, "Use at most 120 characters."),
  role: ZRole,
  password: ZPassword,
});
export type TUserCreate = z.input<typeof ZUserCreate>;
