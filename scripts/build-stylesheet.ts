/** `npm run build`'s last step: the reader site's stylesheet, into the build (site/stylesheet.ts). */
import { writeStylesheet } from "../site/stylesheet";

writeStylesheet().then(
  () => console.log("Built the reader site's stylesheet."),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
