import { PublicationProvider } from "@/components/newsroom/publication";
import { SITE_NAME } from "@/lib/site";

/** The story editor's credits preview words affiliations as the story page does: it needs the publication's name. */
export default function StoriesLayout({ children }: { children: React.ReactNode }) {
  return <PublicationProvider name={SITE_NAME}>{children}</PublicationProvider>;
}
