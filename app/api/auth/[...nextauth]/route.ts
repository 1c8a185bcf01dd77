// GET, POST /api/auth/* — next-auth's own endpoints (session, csrf, sign-out)
import { handlers } from "@/lib/auth/auth";

export const { GET, POST } = handlers;
