"use server";

import { requireRole } from "@/lib/auth/current-user";
import { changeUserRole, createUser, resetUserPassword, setUserActive } from "@/lib/users/mutations";
import type { TFormState } from "@/components/ui/action-form";
import { formText, runFormTask } from "@/lib/form-task";

const run = (task: () => Promise<string>) => runFormTask("User management", "/newsroom/users", task);

const text = formText;

export async function createUserAction(_: TFormState, data: FormData): Promise<TFormState> {
  return run(async () => {
    const user = await createUser({
      actor: await requireRole("ADMIN"),
      data: { email: text(data, "email"), name: text(data, "name"), role: text(data, "role") as "CONTRIBUTOR", password: text(data, "password") },
    });
    return `Created ${user.name} (${user.email}). Give them their password in person or by phone.`;
  });
}

export async function changeRoleAction(_: TFormState, data: FormData): Promise<TFormState> {
  return run(async () => {
    const actor = await requireRole("ADMIN");
    const user = await changeUserRole({ actor, userId: text(data, "userId"), role: text(data, "role") });
    return `${user.email} is now ${user.role.toLowerCase()}; their sessions have ended, and they sign in again under the new role.`;
  });
}

export async function setActiveAction(_: TFormState, data: FormData): Promise<TFormState> {
  return run(async () => {
    const actor = await requireRole("ADMIN");
    const active = text(data, "active") === "true";
    const user = await setUserActive({ actor, userId: text(data, "userId"), active });
    return active ? `${user.email} can sign in again.` : `${user.email} is deactivated; their sessions have ended.`;
  });
}

export async function resetPasswordAction(_: TFormState, data: FormData): Promise<TFormState> {
  return run(async () => {
    const actor = await requireRole("ADMIN");
    const user = await resetUserPassword({ actor, userId: text(data, "userId"), password: text(data, "password") });
    return `New password set for ${user.email}; their sessions have ended.`;
  });
}
