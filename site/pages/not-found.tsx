import { SearchForm } from "@/components/site/search-form";
import type { TPageHead } from "../head";

export const NOT_FOUND_HEAD: TPageHead = { title: "Page not found", noindex: true };

/** What a reader gets at an address with nothing there: a search box and the way home. */
export function NotFoundContent() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-ink/70">The page you asked for is not here. It may have moved or never existed. Try a search:</p>
      <div className="mt-6 text-left">
        <SearchForm />
      </div>
      <p className="mt-6">
        <a href="/" className="underline underline-offset-2">
          Go to the front page
        </a>
      </p>
    </div>
  );
}
