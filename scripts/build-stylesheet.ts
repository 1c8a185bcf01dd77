/**
 * `npm run build`'s last step: the reader site's stylesheet, into the build
 * (site/stylesheet.ts), and the stamp of the sources the build was made from,
 * so `npm start` (and every process of a scaled-out site) runs this build as
 * it is instead of building again.
 */
import { writeStylesheet } from "../site/stylesheet";
import { sourceFingerprint, stampBuild } from "./build-inputs";

const fingerprint = sourceFingerprint();
writeStylesheet().then(
  () => {
    stampBuild(fingerprint);
    console.log("Built the reader site's stylesheet; the build is stamped with its sources' fingerprint.");
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
