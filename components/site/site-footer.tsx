import { SITE_NAME } from "@/lib/site";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-ink/20">
      <div className="mx-auto flex max-w-5xl justify-between px-4 py-6 text-sm text-ink/70">
        <span>
          © {new Date().getFullYear()} {SITE_NAME}
        </span>
        <nav aria-label="About us" className="flex gap-4">
          <a href="/corrections" className="underline underline-offset-2">
            Corrections
          </a>
          <a href="/login" className="underline underline-offset-2">
            Staff sign-in
          </a>
        </nav>
      </div>
    </footer>
  );
}
