import { handleApiRequest, type ApiResponse, type ApiServices } from "../lib/api/handler";

/** A POST to /api/v1 straight into the handler, as the in-process benchmarks make it: bearer token and Idempotency-Key. */
export function postInProcess(services: ApiServices, token: string, pathname: string, body: unknown, key: string): Promise<ApiResponse> {
  return handleApiRequest(services, {
    method: "POST",
    path: pathname,
    query: new URLSearchParams(),
    header: (name) => ({ authorization: `Bearer ${token}`, "idempotency-key": key })[name],
    body: body === undefined ? "" : JSON.stringify(body),
  });
}
