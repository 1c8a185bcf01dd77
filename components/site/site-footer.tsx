import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-ink/20">
      <div className="mx-auto flex max-w-5xl justify-between px-4 py-6 text-sm text-ink/70">
        <span>© {new Date().getFullYear()} The Newsroom</span>
        <Link href="/login" className="underline underline-offset-2">
          Staff sign-in
        </Link>
      </div>
    </footer>
  );
}
