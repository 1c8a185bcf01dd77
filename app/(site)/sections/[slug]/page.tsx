import { listRoutes } from "@/components/site/list-routes";
import { sectionMetadata, SectionView } from "./section-view";

// Cached on first visit; expired when a story joins or leaves the section (lib/cache), or after a minute.
export const revalidate = 60;
export const generateStaticParams = () => [];

const { first } = listRoutes(SectionView, sectionMetadata);
export const generateMetadata = first.generateMetadata;
export default first.Page;
