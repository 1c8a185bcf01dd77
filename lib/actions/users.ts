"use server";

import { changeUserRole, createUser, resetUserPassword, setUserActive } from "@/lib/users/mutations";
import type { TUserActor } from "@/lib/auth/current-user";
import { formAction, formText as text } from "./define";

/** The admins' user management forms. */

const users = (handler: (data: FormData, admin: TUserActor) => Promise<string>) => formAction("User management", "/newsroom/users", handler, { role: "ADMIN" });

export const createUserAction = users(async (data, actor) => {
  const user = await createUser({
    actor,
    data: { email: text(data, "email"), name: text(data, "name"), role: text(data, "role") as "CONTRIBUTOR", password: text(data, "password") },
  });
  return `Created ${user.name} (${user.email}). Give them their password in person or by phone.`;
});

export const changeRoleAction = users(async (data, actor) => {
  const user = await changeUserRole({ actor, userId: text(data, "userId"), role: text(data, "role") });
  return `${user.email} is now ${user.role.toLowerCase()}; their sessions have ended, and they sign in again under the new role.`;
});

export const setActiveAction = users(async (data, actor) => {
  const active = text(data, "active") === "true";
  const user = await setUserActive({ actor, userId: text(data, "userId"), active });
  return active ? `${user.email} can sign in again.` : `${user.email} is deactivated; their sessions have ended.`;
});

export const resetPasswordAction = users(async (data, actor) => {
  const user = await resetUserPassword({ actor, userId: text(data, "userId"), password: text(data, "password") });
  return `New password set for ${user.email}; their sessions have ended.`;
});
