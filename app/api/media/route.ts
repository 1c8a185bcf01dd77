// POST /api/media — upload one image (the raw file as the body, its name in X-Filename).
// One request per file, so the newsroom can show each file's progress.
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError, errorResponse } from "@/lib/errors";
import { isSameOrigin, readBodyWithLimit } from "@/lib/http/request";
import { formatMegabytes, maxUploadBytes, uploadIdleMs } from "@/lib/media/config";
import { uploadMedia } from "@/lib/media/mutations";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: Request) {
  try {
    if (!isSameOrigin(request)) throw new AppError("FORBIDDEN", "Uploads are accepted only from the newsroom's own pages.");
    const actor = await getCurrentUser();
    if (!actor) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again, then upload the file.");
    const max = maxUploadBytes();
    const data = await readBodyWithLimit(
      request,
      max,
      `This file is larger than the ${formatMegabytes(max)} limit. Resize or compress it, then upload it again.`,
      uploadIdleMs(),
    );
    const { media, duplicate } = await uploadMedia({ actor, filename: request.headers.get("x-filename"), data });
    return Response.json({ media, duplicate }, { status: duplicate ? 200 : 201, headers: NO_STORE });
  } catch (err) {
    const res = errorResponse(err);
    res.headers.set("Cache-Control", "no-store");
    // A stalled client is not waited for again: the connection closes after this answer.
    if (err instanceof AppError && err.code === "TIMEOUT") res.headers.set("Connection", "close");
    return res;
  }
}
