import Link from "next/link";
import { signOutAction } from "@/lib/actions/session";
import { Button } from "@/components/ui/button";
import type { TUserActor } from "@/lib/auth/current-user";

const ROLE_LABEL = { CONTRIBUTOR: "Contributor", EDITOR: "Editor", ADMIN: "Admin" } as const;

const SECTIONS = [
  { href: "/newsroom/stories", label: "Stories", adminOnly: false },
  { href: "/newsroom/media", label: "Media", adminOnly: false },
  { href: "/newsroom/front", label: "Front page", adminOnly: false },
  { href: "/newsroom/people", label: "People", adminOnly: true },
  { href: "/newsroom/users", label: "Accounts", adminOnly: true },
  { href: "/newsroom/api-keys", label: "API keys", adminOnly: true },
  { href: "/newsroom/webhooks", label: "Webhooks", adminOnly: true },
  { href: "/newsroom/audit", label: "Audit log", adminOnly: true },
];

export function NewsroomHeader({ user }: { user: TUserActor }) {
  return (
    <header className="border-b border-ink/15 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <nav aria-label="Newsroom" className="flex items-center gap-6">
          <Link href="/newsroom" className="font-serif text-xl font-bold">
            Newsroom
          </Link>
          {SECTIONS.filter((s) => !s.adminOnly || user.role === "ADMIN").map((s) => (
            <Link key={s.href} href={s.href} className="text-sm font-semibold hover:underline">
              {s.label}
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-4 text-sm">
          <Link href="/newsroom/account" className="hover:underline" title="Your account">
            {user.name} <span className="text-ink/60">({ROLE_LABEL[user.role]})</span>
          </Link>
          <form action={signOutAction}>
            <Button type="submit" variant="secondary">
              Sign out
            </Button>
          </form>
        </div>
      </div>
    </header>
  );
}

const WIDTH = { xl: "max-w-xl", "4xl": "max-w-4xl", "6xl": "max-w-6xl" } as const;

/**
 * A newsroom page: the header for the signed-in person, then the page's main
 * landmark at one of three widths (forms, the editor and lists). The story
 * editor leaves room at the bottom instead of the top (its toolbar sits there).
 */
export function NewsroomPage({
  user,
  width,
  editor = false,
  children,
}: {
  user: TUserActor;
  width: keyof typeof WIDTH;
  editor?: boolean;
  children: React.ReactNode;
}) {
  return (
    <>
      <NewsroomHeader user={user} />
      <main id="main" className={`mx-auto ${WIDTH[width]} px-4 ${editor ? "pb-16" : "py-8"}`}>
        {children}
      </main>
    </>
  );
}
