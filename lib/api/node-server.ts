import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { apiLocale, bodyTooLarge, handleApiRequest, internalError, MAX_BODY_BYTES, type ApiResponse, type ApiServices } from "./handler";
import { apiServices } from "./services";

const API_PREFIX = "/api/v1/";

/** Reads at most MAX_BODY_BYTES of a request body; null when it is longer. */
function readLimited(req: IncomingMessage): Promise<string | null> {
  if (Number(req.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(tooLarge ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The caller's language for the answers given before (or instead of) the handler's. */
function callerLocale(req: IncomingMessage) {
  const value = req.headers["accept-language"];
  return apiLocale(Array.isArray(value) ? value.join(", ") : value);
}

function send(res: ServerResponse, answer: ApiResponse, close = false): void {
  res.writeHead(answer.status, { ...answer.headers, "content-length": Buffer.byteLength(answer.body), ...(close ? { connection: "close" } : {}) });
  res.end(answer.body);
}

/**
 * /api/v1 straight from Node's HTTP server, without the page framework in between: the
 * production server (scripts/server.mjs) hands every request under API_PREFIX here. Devices
 * call the API many times a second; the framework's routing costs more than our own work.
 */
export async function serveNodeRequest(req: IncomingMessage, res: ServerResponse, services: () => ApiServices = apiServices): Promise<void> {
  try {
    const url = new URL(req.url ?? "/", "http://localhost");
    const body = req.method === "GET" || req.method === "HEAD" ? "" : await readLimited(req);
    if (body === null) return send(res, bodyTooLarge(callerLocale(req)), true);
    const answer = await handleApiRequest(services(), {
      method: req.method ?? "GET",
      path: url.pathname.slice(API_PREFIX.length - 1),
      query: url.searchParams,
      header: (name) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(", ") : value;
      },
      body,
    });
    send(res, answer);
  } catch (error) {
    if (!res.headersSent) send(res, internalError(error, callerLocale(req)));
    else res.destroy();
  }
}

/** Where the production server finds serveNodeRequest (published by instrumentation.ts). */
const NODE_API_HANDLER = Symbol.for("parcel-lockers.api-v1.node");

/**
 * Hands serveNodeRequest to the production server. It is compiled by Next.js with the
 * rest of the server code (instrumentation.ts imports this file), so scripts/server.mjs
 * needs no build of its own and shares this process's database connection.
 */
export function publishNodeApiHandler(): void {
  (globalThis as Record<symbol, unknown>)[NODE_API_HANDLER] = serveNodeRequest;
}
