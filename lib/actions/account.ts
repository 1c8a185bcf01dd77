"use server";

import { headers } from "next/headers";
import { getCurrentSessionId } from "@/lib/auth/current-user";
import { clientAddress } from "@/lib/http/request";
import { changeOwnPassword } from "@/lib/users/mutations";
import { formAction, formText } from "./define";

/** Your own account: change your password (and by default sign out your other sessions). */
export const changePasswordAction = formAction("Changing a password", "/newsroom/account", async (data, actor) => {
  const { endedSessions } = await changeOwnPassword({
    actor,
    sessionId: await getCurrentSessionId(),
    currentPassword: formText(data, "currentPassword"),
    newPassword: formText(data, "newPassword"),
    endOtherSessions: data.get("endOtherSessions") === "on",
    clientAddress: clientAddress(await headers()),
  });
  return endedSessions > 0
    ? `Password changed. ${endedSessions} other session${endedSessions === 1 ? "" : "s"} signed out; this one stays signed in.`
    : "Password changed. This session stays signed in.";
});
