import "server-only";
import { z } from "zod";
import { ERROR_CODES } from "@/lib/errors";
import { API_ROUTES } from "./routes";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the route list and the verbs' own
 * zod schemas, so it cannot drift from what the server accepts.
 */
export function openApiDocument(serverUrl = "/api/v1") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const parameters = [
      ...[...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "integer" } })),
      ...Object.entries(route.query ?? {}).map(([name, description]) => ({ name, in: "query", required: true, description, schema: { type: "string" } })),
      ...(route.method === "POST"
        ? [{ name: "Idempotency-Key", in: "header", required: true, description: "Unique per operation; a retry with the same key gets the first answer.", schema: { type: "string", maxLength: 200 } }]
        : []),
    ];
    const successStatus = route.created ? "201" : "200";
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.scope],
      security: [{ [route.scope === "kiosk" ? "kioskToken" : "carrierToken"]: [] }],
      parameters,
      ...(route.body
        ? { requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(route.body, { io: "input", unrepresentable: "any" }) } } } }
        : {}),
      responses: {
        [successStatus]: { description: "Success", content: { "application/json": { schema: { type: "object" } } } },
        ...(route.created ? { "200": { description: "A retry of an operation that already happened: the first result" } } : {}),
        default: { description: "An error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Parcel locker network API",
      version: "1",
      description:
        "For courier handhelds, carriers' systems and kiosk controllers. Authenticate with an API token from your campus admin. Every write needs an Idempotency-Key.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: {
        carrierToken: { type: "http", scheme: "bearer", description: "A token acting as one courier account of a carrier" },
        kioskToken: { type: "http", scheme: "bearer", description: "A token of one kiosk" },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: {
                  type: "string",
                  enum: [
                    ...ERROR_CODES,
                    "BAD_REQUEST",
                    "NO_ROUTE",
                    "METHOD_NOT_ALLOWED",
                    "RATE_LIMITED",
                    "IDEMPOTENCY_KEY_REQUIRED",
                    "IDEMPOTENCY_KEY_REUSED",
                    "IDEMPOTENCY_IN_PROGRESS",
                    "INTERNAL",
                  ],
                },
                message: { type: "string" },
                details: {},
              },
            },
          },
        },
      },
    },
  };
}
