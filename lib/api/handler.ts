import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import type { Ctx } from "@/lib/context";
import type { DoorController } from "@/lib/doors/door-controller";
import { isDomainError } from "@/lib/errors";
import type { PickupCodeKeys } from "@/lib/pickup-codes/code";
import { errorBody, HTTP_STATUS, type ApiErrorBody } from "./errors";
import { claimKey, fingerprint, releaseClaim, storeResponse, type StoredResponse } from "./idempotency";
import { API_ROUTES, matchPath, type ApiRoute } from "./routes";
import { authenticateToken } from "./tokens";

export type ApiServices = {
  db: Db;
  now: () => number;
  doors: DoorController;
  keys: PickupCodeKeys;
  /** Requests per token per minute. */
  rateLimitPerMinute: number;
};

const limiters = new Map<number, RateLimiterMemory>();
function limiterFor(perMinute: number): RateLimiterMemory {
  let limiter = limiters.get(perMinute);
  if (!limiter) {
    limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
    limiters.set(perMinute, limiter);
  }
  return limiter;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

function find(method: string, path: string): { route: ApiRoute; params: Record<string, string> } | "wrong-method" | null {
  let pathMatched = false;
  for (const route of API_ROUTES) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return pathMatched ? "wrong-method" : null;
}

/** Runs the route's verb and turns its result or DomainError into the HTTP answer. */
async function run(ctx: Ctx, route: ApiRoute, args: Parameters<ApiRoute["handle"]>[1]): Promise<StoredResponse> {
  try {
    const result = (await route.handle(ctx, args)) as { replayed?: boolean } | undefined;
    const status = route.created && !result?.replayed ? 201 : 200;
    return { status, body: result ?? {} };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { status: HTTP_STATUS[error.code], body: errorBody(error.code, error.message, error.details) };
  }
}

/**
 * The whole of /api/v1 for one request: route, authenticate the bearer token, check its
 * scope and rate, parse the body, honour Idempotency-Key on writes, call one verb. Plain
 * Request in, Response out — the Next.js route only forwards, and tests call this directly.
 */
export async function handleApiRequest(services: ApiServices, request: Request, path: string): Promise<Response> {
  const method = request.method.toUpperCase();
  const found = find(method, path);
  if (found === null) return json(404, errorBody("NO_ROUTE", `No such endpoint: ${method} /api/v1${path}`));
  if (found === "wrong-method") return json(405, errorBody("METHOD_NOT_ALLOWED", `${method} is not allowed on /api/v1${path}`));
  const { route, params } = found;

  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  const actor = bearer ? authenticateToken(services.db, bearer, services.now()) : null;
  if (!actor) {
    return json(401, errorBody("UNAUTHENTICATED", "Send a valid API token: Authorization: Bearer plk_…"), {
      "www-authenticate": 'Bearer realm="api/v1"',
    });
  }
  const scope = actor.kind === "kiosk" ? "kiosk" : "carrier";
  if (scope !== route.scope) {
    return json(403, errorBody("FORBIDDEN", `This endpoint needs a ${route.scope} token; this one is a ${scope} token.`));
  }

  try {
    await limiterFor(services.rateLimitPerMinute).consume(String(actor.viaTokenId));
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    return json(429, errorBody("RATE_LIMITED", `Too many requests for this token; retry in ${seconds} s.`), { "retry-after": String(seconds) });
  }

  const url = new URL(request.url);
  let text = "";
  let body: Record<string, unknown> = {};
  if (method === "POST") {
    text = await request.text();
    if (text.trim() !== "") {
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
        body = parsed as Record<string, unknown>;
      } catch {
        return json(400, errorBody("BAD_REQUEST", "The body must be a JSON object."));
      }
    }
  }
  const ctx: Ctx = { db: services.db, actor, now: services.now, doors: services.doors, keys: services.keys };
  const args = { params, body, query: url.searchParams };

  if (method !== "POST") {
    const response = await run(ctx, route, args);
    return json(response.status, response.body);
  }

  const key = request.headers.get("idempotency-key")?.trim();
  if (!key || key.length > 200) {
    return json(400, errorBody("IDEMPOTENCY_KEY_REQUIRED", "Every write needs an Idempotency-Key header (1–200 characters), unique per operation."));
  }
  const claim = claimKey(services.db, actor.viaTokenId, key, fingerprint(method, path, text), services.now());
  switch (claim.kind) {
    case "replay":
      return json(claim.response.status, claim.response.body, { "idempotent-replayed": "true" });
    case "mismatch":
      return json(422, errorBody("IDEMPOTENCY_KEY_REUSED", "This Idempotency-Key was already used for a different request."));
    case "in_progress":
      return json(409, errorBody("IDEMPOTENCY_IN_PROGRESS", "A request with this Idempotency-Key is still running; retry shortly."), {
        "retry-after": "1",
      });
    case "new":
      try {
        const response = await run(ctx, route, args);
        storeResponse(services.db, claim.id, response);
        return json(response.status, response.body);
      } catch (error) {
        releaseClaim(services.db, claim.id);
        throw error;
      }
  }
}

/** The last resort: an unexpected error is logged and answered without its details. */
export function internalError(error: unknown): Response {
  console.error("api/v1: unexpected error", error);
  const body: ApiErrorBody = errorBody("INTERNAL", "Something went wrong on our side. Retrying with the same Idempotency-Key is safe.");
  return json(500, body);
}
