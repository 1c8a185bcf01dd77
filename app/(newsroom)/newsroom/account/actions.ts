"use server";

import { headers } from "next/headers";
import type { TFormState } from "@/components/ui/action-form";
import { getCurrentSessionId, getCurrentUser } from "@/lib/auth/current-user";
import { formText, runFormTask } from "@/lib/form-task";
import { clientAddress } from "@/lib/http/request";
import { changeOwnPassword } from "@/lib/users/mutations";

export async function changePasswordAction(_: TFormState, data: FormData): Promise<TFormState> {
  return runFormTask("Changing a password", "/newsroom/account", async () => {
    const { endedSessions } = await changeOwnPassword({
      actor: await getCurrentUser(),
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
}
