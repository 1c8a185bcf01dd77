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
      // SQL is written with tagged templates ($queryRaw`…`), whose values Prisma sends as
      // parameters. The Unsafe variants take a string: one interpolation away from injection.
      "no-restricted-syntax": [
        "error",
        ...["Identifier[name=/^\\$(query|execute)RawUnsafe$/]", "Literal[value=/^\\$(query|execute)RawUnsafe$/]"].map((selector) => ({
          selector,
          message: "Use the tagged template ($queryRaw`…` / $executeRaw`…`): values become parameters.",
        })),
      ],
    },
  },
  {
    // next.config.js is CommonJS (Next loads it with require); it shares lib/http/security-headers.cjs with the proxy.
    // The cache handler is CommonJS too: Next loads it with Node's own loader, not the bundler.
    files: ["next.config.js", "lib/cache/handler/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The reader site is plain HTML rendered by our own server (site/, server/main.ts), not by Next:
    // its links are ordinary links (there is no client router to hand them to) and it writes its own <head>.
    files: ["site/**", "components/site/**"],
    rules: { "@next/next/no-html-link-for-pages": "off", "@next/next/no-head-element": "off" },
  },
  globalIgnores([".next/**", ".data/**", "lib/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
