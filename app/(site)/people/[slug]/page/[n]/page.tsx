import { listRoutes } from "@/components/site/list-routes";
import { personMetadata, PersonView } from "../../person-view";

// Older stories of a person: /people/<slug>/page/2… (cached like page 1).
export const revalidate = 60;
export const generateStaticParams = () => [];

const { later } = listRoutes(PersonView, personMetadata);
export const generateMetadata = later.generateMetadata;
export default later.Page;
