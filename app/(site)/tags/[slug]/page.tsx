import { listRoutes } from "@/components/site/list-routes";
import { tagMetadata, TagView } from "./tag-view";

// Cached on first visit; expired when a story gains or loses the tag (lib/cache), or after a minute.
export const revalidate = 60;
export const generateStaticParams = () => [];

const { first } = listRoutes(TagView, tagMetadata);
export const generateMetadata = first.generateMetadata;
export default first.Page;
