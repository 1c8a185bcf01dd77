import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageParam } from "@/components/ui/pager";

type TView = (props: { slug: string; page: number }) => Promise<React.ReactNode>;
type TMetadataFor = (slug: string, page: number) => Promise<Metadata>;

/**
 * The two routes of a paged public list (a section, a tag, a person): page 1 at
 * `/<kind>/<slug>`, later pages at `/<kind>/<slug>/page/<n>`. Each route file
 * still states its own `revalidate` and `generateStaticParams` (Next reads them
 * from the file itself).
 */
export function listRoutes(View: TView, metadataFor: TMetadataFor) {
  type TFirst = { params: Promise<{ slug: string }> };
  type TLater = { params: Promise<{ slug: string; n: string }> };
  return {
    first: {
      generateMetadata: async ({ params }: TFirst) => metadataFor((await params).slug, 1),
      Page: async ({ params }: TFirst) => <View slug={(await params).slug} page={1} />,
    },
    later: {
      generateMetadata: async ({ params }: TLater): Promise<Metadata> => {
        const { slug, n } = await params;
        const page = pageParam(n);
        return page ? metadataFor(slug, page) : { title: "Page not found" };
      },
      Page: async ({ params }: TLater) => {
        const { slug, n } = await params;
        const page = pageParam(n);
        if (!page) notFound();
        return <View slug={slug} page={page} />;
      },
    },
  };
}
