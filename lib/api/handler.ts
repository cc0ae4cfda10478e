import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { durable, inCommitGroup } from "@/db/group-commit";
import { joinFirstWrite, writeTransaction } from "@/db/transaction";
import { appContext } from "@/lib/app-context";
import type { Ctx } from "@/lib/context";
import type { DoorController } from "@/lib/cabinet/door-controller";
import { isDomainError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { matchAcceptLanguage } from "@/lib/i18n/resolve";
import { translator } from "@/lib/i18n/translate";
import { detailsInWords, errorWords } from "@/lib/error-words";
import type { PickupCodeKeys } from "@/lib/pickup-codes/code";
import { errorBody, HTTP_STATUS, type ApiErrorBody } from "./errors";
import { claimKey, fingerprint, KeyTaken, lookUpKey, releaseClaim, storeResponse, type KeyState, type StoredResponse } from "./idempotency";
import { openApiDocument } from "./openapi";
import { API_ROUTES, pathMatcher, type ApiRoute } from "./routes";
import { authenticateToken, type TokenActor } from "@/lib/auth/api-tokens";

export type ApiServices = {
  db: Db;
  now: () => number;
  doors: DoorController;
  keys: PickupCodeKeys;
  /** Requests per token per minute. */
  rateLimitPerMinute: number;
};

/**
 * One request to /api/v1 as the handler needs it, whatever server received it: the Next.js
 * route and the lean Node server (lib/api/node-server.ts) each build one.
 */
export type ApiRequest = {
  method: string;
  /** The path below /api/v1, e.g. "/parcels/12/deposit". */
  path: string;
  query: URLSearchParams;
  /** A request header by lower-case name. */
  header(name: string): string | undefined;
  /** The body as text, "" when there is none. */
  body: string;
};

export type ApiResponse = { status: number; headers: Record<string, string>; body: string };

/** Bodies larger than this are refused before they are read whole. */
export const MAX_BODY_BYTES = 64 * 1024;

const limiters = new Map<number, RateLimiterMemory>();
function limiterFor(perMinute: number): RateLimiterMemory {
  let limiter = limiters.get(perMinute);
  if (!limiter) {
    limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
    limiters.set(perMinute, limiter);
  }
  return limiter;
}

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff" };

function respond(status: number, json: string, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { ...JSON_HEADERS, ...headers }, body: json };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): ApiResponse {
  return respond(status, JSON.stringify(body), headers);
}

// Every request is matched against the routes: their templates are split once.
const MATCHERS = API_ROUTES.map((route) => ({ route, match: pathMatcher(route.path) }));

function find(method: string, path: string): { route: ApiRoute; params: Record<string, string> } | "wrong-method" | null {
  let pathMatched = false;
  const segments = path.split("/");
  for (const { route, match } of MATCHERS) {
    const params = match(segments);
    if (!params) continue;
    if (route.method === method) return { route, params };
    pathMatched = true;
  }
  return pathMatched ? "wrong-method" : null;
}

/** Runs the route's verb and turns its result or DomainError into the answer to keep. */
async function run(ctx: Ctx, route: ApiRoute, args: Parameters<ApiRoute["handle"]>[1], locale: Locale): Promise<StoredResponse> {
  try {
    const result = (await route.handle(ctx, args)) as { replayed?: boolean } | undefined;
    const status = route.created && !result?.replayed ? 201 : 200;
    return { status, json: JSON.stringify(result ?? {}) };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return {
      status: HTTP_STATUS[error.code],
      json: JSON.stringify(errorBody(error.code, errorWords(error, locale), detailsInWords(error, locale))),
    };
  }
}

/**
 * The whole of /api/v1 for one request: route, authenticate the bearer token, check its
 * scope and rate, parse the body, honour Idempotency-Key on writes, call one verb.
 * Framework-free: the servers in front only translate, and tests call this directly.
 * Requests of the same turn share one commit (db/group-commit.ts, decision 0017); each is
 * answered only once the commit that holds its writes has returned.
 */
export function handleApiRequest(services: ApiServices, request: ApiRequest): Promise<ApiResponse> {
  return inCommitGroup(async () => {
    const response = await answer(services, request);
    try {
      await durable(services.db);
    } catch (error) {
      // The turn's transaction was rolled back: nothing of this request is on disk, and a
      // retry with the same Idempotency-Key runs it again.
      return internalError(error, apiLocale(request.header("accept-language")));
    }
    return response;
  });
}

/**
 * The language of a caller's error messages: the one it asks for, English when it names none
 * of ours (most callers are carriers' systems). Clients branch on error.code, never on words.
 */
export function apiLocale(acceptLanguage: string | undefined): Locale {
  return matchAcceptLanguage(acceptLanguage) ?? "en";
}

async function answer(services: ApiServices, request: ApiRequest): Promise<ApiResponse> {
  const method = request.method.toUpperCase();
  const path = request.path;
  const locale = apiLocale(request.header("accept-language"));
  const t = translator(locale);
  if (method === "GET" && path === "/openapi.json") return json(200, openApiDocument());
  const found = find(method, path);
  if (found === null) return json(404, errorBody("NO_ROUTE", t("api.noRoute", { method, path: `/api/v1${path}` })));
  if (found === "wrong-method") return json(405, errorBody("METHOD_NOT_ALLOWED", t("api.methodNotAllowed", { method, path: `/api/v1${path}` })));
  const { route, params } = found;

  const bearer = /^Bearer\s+(\S+)$/i.exec(request.header("authorization") ?? "")?.[1];
  const actor = bearer ? authenticateToken(services.db, bearer, services.now()) : null;
  if (!actor) {
    return json(401, errorBody("UNAUTHENTICATED", t("api.unauthenticated")), {
      "www-authenticate": 'Bearer realm="api/v1"',
    });
  }
  const scope = actor.kind === "kiosk" ? "kiosk" : "carrier";
  if (scope !== route.scope) {
    return json(403, errorBody("FORBIDDEN", t("api.wrongScope", { needed: route.scope, given: scope })));
  }

  try {
    await limiterFor(services.rateLimitPerMinute).consume(String(actor.viaTokenId));
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    return json(429, errorBody("RATE_LIMITED", t("api.rateLimited", { seconds })), { "retry-after": String(seconds) });
  }

  let body: Record<string, unknown> = {};
  if (method === "POST" && request.body.trim() !== "") {
    try {
      const parsed: unknown = JSON.parse(request.body);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      body = parsed as Record<string, unknown>;
    } catch {
      return json(400, errorBody("BAD_REQUEST", t("api.bodyNotObject")));
    }
  }
  const args = { params, body, query: request.query };
  const ctxFor = (db: Db): Ctx => appContext(actor, { ...services, db });

  if (method !== "POST") {
    const response = await run(ctxFor(services.db), route, args, locale);
    return respond(response.status, response.json);
  }

  const key = request.header("idempotency-key")?.trim();
  if (!key || key.length > 200) {
    return json(400, errorBody("IDEMPOTENCY_KEY_REQUIRED", t("api.idempotencyKeyRequired")));
  }
  return idempotentWrite(services, actor, key, fingerprint(method, path, body), locale, (db) => run(ctxFor(db), route, args, locale));
}

function answerFor(state: Exclude<KeyState, { kind: "absent" | "abandoned" }>, locale: Locale): ApiResponse {
  const t = translator(locale);
  switch (state.kind) {
    case "replay":
      return respond(state.response.status, state.response.json, { "idempotent-replayed": "true" });
    case "mismatch":
      return json(422, errorBody("IDEMPOTENCY_KEY_REUSED", t("api.idempotencyKeyReused")));
    case "in_progress":
      return json(409, errorBody("IDEMPOTENCY_IN_PROGRESS", t("api.idempotencyInProgress")), {
        "retry-after": "1",
      });
  }
}

/**
 * Runs a write at most once per (token, key). The key is looked up by a plain read; a new
 * one is claimed inside the verb's own first write transaction, so the claim and the
 * effect commit together, and the answer is stored after (with the turn's group, so
 * usually in the same commit as other requests' effects). A verb that writes nothing has
 * its answer stored with the claim.
 */
async function idempotentWrite(
  services: ApiServices,
  actor: TokenActor,
  key: string,
  print: string,
  locale: Locale,
  perform: (db: Db) => Promise<StoredResponse>,
): Promise<ApiResponse> {
  const { db, now } = services;
  const state = lookUpKey(db, actor.viaTokenId, key, print, now());
  if (state.kind !== "absent" && state.kind !== "abandoned") return answerFor(state, locale);
  const abandoned = state.kind === "abandoned" ? state : undefined;

  let claimId = 0;
  const request = joinFirstWrite(db, () => {
    claimId = claimKey(db, actor.viaTokenId, key, print, now(), abandoned);
  });
  let response: StoredResponse;
  try {
    response = await perform(request.db);
  } catch (error) {
    if (error instanceof KeyTaken) return raceLost(services, actor, key, print, locale);
    if (request.committed()) releaseClaim(db, claimId);
    throw error;
  }
  if (request.committed()) {
    writeTransaction(db, () => storeResponse(db, claimId, response));
  } else {
    try {
      writeTransaction(db, () => storeResponse(db, claimKey(db, actor.viaTokenId, key, print, now(), abandoned), response));
    } catch (error) {
      if (error instanceof KeyTaken) return raceLost(services, actor, key, print, locale);
      throw error;
    }
  }
  return respond(response.status, response.json);
}

/** A concurrent copy of this request claimed the key first: answer as it did, or wait for it. */
function raceLost(services: ApiServices, actor: TokenActor, key: string, print: string, locale: Locale): ApiResponse {
  const state = lookUpKey(services.db, actor.viaTokenId, key, print, services.now());
  return answerFor(state.kind === "absent" || state.kind === "abandoned" ? { kind: "in_progress" } : state, locale);
}

/** The last resort: an unexpected error is logged and answered without its details. */
export function internalError(error: unknown, locale: Locale = "en"): ApiResponse {
  console.error("api/v1: unexpected error", error);
  const body: ApiErrorBody = errorBody("INTERNAL", translator(locale)("api.internal"));
  return json(500, body);
}

/** The answer to a body over MAX_BODY_BYTES. */
export function bodyTooLarge(locale: Locale = "en"): ApiResponse {
  return json(413, errorBody("PAYLOAD_TOO_LARGE", translator(locale)("api.bodyTooLarge", { kib: MAX_BODY_BYTES / 1024 })));
}
