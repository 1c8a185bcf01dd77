import { NotFoundContent } from "@/components/site/not-found-content";

/** Next's 404, for addresses outside the reader site's (site/ answers its own). */
export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-24 text-center">
      <NotFoundContent />
    </main>
  );
}
