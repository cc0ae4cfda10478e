import { serveFetchRequest } from "@/lib/api/fetch-adapter";
import { apiServices } from "@/lib/api/services";

type Params = { params: Promise<{ path: string[] }> };

/*
 * /api/v1 under `next dev` and plain `next start`. The production server (scripts/server.mjs)
 * answers /api/v1 itself before Next.js sees the request, with the same handler.
 */
async function forward(request: Request, { params }: Params): Promise<Response> {
  return serveFetchRequest(apiServices, request, `/${(await params).path.join("/")}`);
}

export const GET = forward;
export const POST = forward;
export const PUT = forward;
export const PATCH = forward;
export const DELETE = forward;
