import { listRoutes } from "@/components/site/list-routes";
import { personMetadata, PersonView } from "./person-view";

// Cached on first visit; expired when the person or their list of stories changes (lib/cache), or after a minute.
export const revalidate = 60;
export const generateStaticParams = () => [];

const { first } = listRoutes(PersonView, personMetadata);
export const generateMetadata = first.generateMetadata;
export default first.Page;
