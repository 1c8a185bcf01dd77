import type { Metadata } from "next";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { ActionForm } from "@/components/ui/action-form";
import { requireUser } from "@/lib/auth/current-user";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { changePasswordAction } from "@/lib/actions/account";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const input = "rounded border border-ink/30 bg-white px-2 py-1";

/** Your own account: change your password, and sign out your other sessions with it. */
export default async function AccountPage() {
  const user = await requireUser("/newsroom/account");
  return (
    <NewsroomPage user={user} width="xl">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <p className="mt-1 text-ink/70">
        {user.name} · {user.email}
      </p>
      <section aria-labelledby="password-heading" className="mt-6 rounded border border-ink/15 bg-white p-4">
        <h2 id="password-heading" className="font-semibold">
          Change your password
        </h2>
        <ActionForm action={changePasswordAction} submitLabel="Change password" resetOnSuccess className="mt-3 flex flex-col gap-3">
          <label className="flex flex-col text-sm font-semibold">
            Current password
            <input name="currentPassword" type="password" autoComplete="current-password" required className={input} />
          </label>
          <label className="flex flex-col text-sm font-semibold">
            New password (at least {PASSWORD_MIN_LENGTH} characters)
            <input name="newPassword" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} className={input} />
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input name="endOtherSessions" type="checkbox" defaultChecked /> Sign me out everywhere else (other browsers and devices)
          </label>
        </ActionForm>
      </section>
    </NewsroomPage>
  );
}
