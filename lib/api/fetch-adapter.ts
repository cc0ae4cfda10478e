import "server-only";
import { apiLocale, bodyTooLarge, handleApiRequest, internalError, MAX_BODY_BYTES, type ApiResponse, type ApiServices } from "./handler";

/** Reads at most MAX_BODY_BYTES of a body; null when it is longer. */
async function readLimited(request: Request): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return null;
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function toResponse(answer: ApiResponse): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** /api/v1 behind a fetch-style server (the Next.js route used by `next dev` and `next start`). */
export async function serveFetchRequest(services: () => ApiServices, request: Request, path: string): Promise<Response> {
  try {
    const body = request.method === "GET" || request.method === "HEAD" ? "" : await readLimited(request);
    if (body === null) return toResponse(bodyTooLarge(apiLocale(request.headers.get("accept-language") ?? undefined)));
    const url = new URL(request.url);
    const answer = await handleApiRequest(services(), {
      method: request.method,
      path,
      query: url.searchParams,
      header: (name) => request.headers.get(name) ?? undefined,
      body,
    });
    return toResponse(answer);
  } catch (error) {
    return toResponse(internalError(error, apiLocale(request.headers.get("accept-language") ?? undefined)));
  }
}
