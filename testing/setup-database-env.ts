import { inject } from "vitest";

// Before any test imports lib/db/client (which reads it on first use).
process.env.DATABASE_URL = inject("databaseUrl");

// Uploaded files of the integration run go under .data/test, never into the app's media.
process.env.NEWSROOM_MEDIA_DIR = `${process.cwd()}/.data/test/media-int`;
