import type { Metadata } from "next";
import { AdminOnly } from "@/components/newsroom/admin-only";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { OptionList } from "@/components/ui/option-list";
import { TableHead } from "@/components/ui/table-head";
import { ActionForm } from "@/components/ui/action-form";
import { hasRole } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/current-user";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { formatDateTime } from "@/lib/site";
import { listUsers } from "@/lib/users/queries";
import { ROLES } from "@/lib/users/schemas";
import { changeRoleAction, createUserAction, resetPasswordAction, setActiveAction } from "@/lib/actions/users";

export const metadata: Metadata = { title: "Accounts", robots: { index: false } };

const ROLE_LABEL = { CONTRIBUTOR: "Contributor", EDITOR: "Editor", ADMIN: "Admin" } as const;
const input = "rounded border border-ink/30 bg-white px-2 py-1";

export default async function UsersPage() {
  const user = await requireUser("/newsroom/users");
  if (!hasRole(user, "ADMIN")) return <AdminOnly user={user} title="Accounts" what="accounts" />;
  const users = await listUsers({ actor: user });
  return (
    <NewsroomPage user={user} width="6xl">
      <h1 className="text-2xl font-semibold">Accounts</h1>

      <section aria-labelledby="new-account" className="mt-6 rounded border border-ink/15 bg-white p-4">
        <h2 id="new-account" className="font-semibold">
          New account
        </h2>
        <ActionForm action={createUserAction} submitLabel="Create account" resetOnSuccess className="mt-3 flex flex-wrap items-end gap-3">
          <label className="flex flex-col text-sm font-semibold">
            Name
            <input name="name" required className={input} />
          </label>
          <label className="flex flex-col text-sm font-semibold">
            Email
            <input name="email" type="email" required className={input} />
          </label>
          <label className="flex flex-col text-sm font-semibold">
            Role
            <select name="role" defaultValue="CONTRIBUTOR" className={input}>
              <OptionList values={ROLES} labels={ROLE_LABEL} />
            </select>
          </label>
          <label className="flex flex-col text-sm font-semibold">
            Password (at least {PASSWORD_MIN_LENGTH} characters)
            <input name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} className={input} />
          </label>
        </ActionForm>
      </section>

      <table className="mt-8 w-full text-left text-sm">
        <caption className="sr-only">Accounts ({users.length})</caption>
        <TableHead columns={["Person", "Role", "Status", "Password"]} />
        <tbody className="divide-y divide-ink/10 align-top">
          {users.map((u) => (
            <tr key={u.id} aria-label={u.email}>
              <td className="py-3 pr-4">
                <p className="font-semibold">{u.name}</p>
                <p className="text-ink/70">{u.email}</p>
                <p className="text-xs text-ink/50">Since {formatDateTime(u.createdAt)}</p>
              </td>
              <td className="py-3 pr-4">
                <ActionForm action={changeRoleAction} submitLabel="Change role" variant="secondary" className="flex flex-wrap items-center gap-2">
                  <input type="hidden" name="userId" value={u.id} />
                  <select name="role" defaultValue={u.role} aria-label={`Role of ${u.name}`} className={input}>
                    <OptionList values={ROLES} labels={ROLE_LABEL} />
                  </select>
                </ActionForm>
              </td>
              <td className="py-3 pr-4">
                <p className="mb-1">{u.active ? "Active" : "Deactivated"}</p>
                <ActionForm
                  action={setActiveAction}
                  submitLabel={u.active ? `Deactivate ${u.name}` : `Reactivate ${u.name}`}
                  variant="secondary"
                  className="flex flex-wrap gap-2"
                >
                  <input type="hidden" name="userId" value={u.id} />
                  <input type="hidden" name="active" value={u.active ? "false" : "true"} />
                </ActionForm>
              </td>
              <td className="py-3">
                <ActionForm
                  action={resetPasswordAction}
                  submitLabel="Set password"
                  variant="secondary"
                  resetOnSuccess
                  className="flex flex-wrap items-center gap-2"
                >
                  <input type="hidden" name="userId" value={u.id} />
                  <input
                    name="password"
                    type="password"
                    autoComplete="new-password"
                    aria-label={`New password for ${u.name}`}
                    placeholder="New password"
                    className={input}
                  />
                </ActionForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </NewsroomPage>
  );
}
