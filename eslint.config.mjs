import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Images come from our own media pipeline (lib/media: sized variants in AVIF,
      // WebP and the original format, rendered with sharp and cached), which is what
      // next/image's optimizer would otherwise duplicate.
      "@next/next/no-img-element": "off",
    },
  },
  globalIgnores([".next/**", ".data/**", "lib/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
