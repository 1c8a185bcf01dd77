import { NewsroomHeader } from "@/components/newsroom/newsroom-header";
import type { TUserActor } from "@/lib/auth/current-user";

/** What a non-admin sees on an admins' page: a plain sentence, not an error. */
export function AdminOnly({ user, title, what }: { user: TUserActor; title: string; what: string }) {
  return (
    <>
      <NewsroomHeader user={user} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="mt-4">Only admins manage {what}. Ask an admin of your newsroom if something needs changing.</p>
      </main>
    </>
  );
}
