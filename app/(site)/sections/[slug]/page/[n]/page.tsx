import { listRoutes } from "@/components/site/list-routes";
import { sectionMetadata, SectionView } from "../../section-view";

// Older stories of a section: /sections/<slug>/page/2… (cached like page 1).
export const revalidate = 60;
export const generateStaticParams = () => [];

const { later } = listRoutes(SectionView, sectionMetadata);
export const generateMetadata = later.generateMetadata;
export default later.Page;
