import { NotFoundContent } from "@/components/site/not-found-content";
import type { TPageHead } from "../head";

export const NOT_FOUND_HEAD: TPageHead = { title: "Page not found", noindex: true };

/** The reader site's 404 page, inside its masthead and footer. */
export function NotFoundPage() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <NotFoundContent />
    </div>
  );
}
