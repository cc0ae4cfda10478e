import { handleApiRequest, internalError } from "@/lib/api/handler";
import { apiServices } from "@/lib/api/services";
import { openApiDocument } from "@/lib/api/openapi";

type Params = { params: Promise<{ path: string[] }> };

async function forward(request: Request, { params }: Params): Promise<Response> {
  const path = `/${(await params).path.join("/")}`;
  if (request.method === "GET" && path === "/openapi.json") return Response.json(openApiDocument());
  try {
    return await handleApiRequest(apiServices(), request, path);
  } catch (error) {
    return internalError(error);
  }
}

export const GET = forward;
export const POST = forward;
export const PUT = forward;
export const PATCH = forward;
export const DELETE = forward;
