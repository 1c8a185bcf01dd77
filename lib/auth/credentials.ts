import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "./password";

/** The sign-in form: only shape limits, so that no rule hints at what exists. */
export const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address.").max(254),
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH),
});
export type TCredentials = z.infer<typeof ZCredentials>;
