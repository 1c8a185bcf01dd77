import { listRoutes } from "@/components/site/list-routes";
import { tagMetadata, TagView } from "../../tag-view";

// Older stories with a tag: /tags/<slug>/page/2… (cached like page 1).
export const revalidate = 60;
export const generateStaticParams = () => [];

const { later } = listRoutes(TagView, tagMetadata);
export const generateMetadata = later.generateMetadata;
export default later.Page;
