import "server-only";
import { z } from "zod";
import { ERROR_CODES, type ErrorKey } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/locales";
import { messageSource } from "@/lib/i18n/message-source";
import { API_ONLY_CODES } from "./errors";
import { apiSchemas } from "./responses";
import { API_ROUTES } from "./routes";

// Each in English, then in Chinese: the carriers' developers read both.
const ERROR_RESPONSES: Record<string, string> = {
  "401": "No token, or an unknown or revoked one (UNAUTHENTICATED) / 没有令牌，或令牌无效、已吊销",
  "403": "A token of the other scope (FORBIDDEN) / 令牌的权限范围不对",
  "404": "No such parcel or site — or not this token's: refused reads as absent (NOT_FOUND) / 没有这个包裹或站点（或不属于该令牌，无权访问也按不存在处理）",
  "422":
    "A field is wrong (INVALID, details.fieldErrors), a pickup code opens nothing (WRONG_CODE), or an Idempotency-Key reused for another request / 字段有误、取件码打不开任何格口，或幂等键被另一个请求重复使用",
  "429": "Too many requests for this token (RATE_LIMITED), or too many wrong codes at this kiosk (LOCKED_OUT) / 该令牌请求过于频繁，或该柜机取件码错误次数过多",
  "500": "Something went wrong on our side (INTERNAL); a retry with the same Idempotency-Key is safe / 服务器出错；用同一个幂等键重试是安全的",
};
const WRITE_ERROR_RESPONSES: Record<string, string> = {
  "400": "The body is not a JSON object (BAD_REQUEST), or the Idempotency-Key header is missing / 请求体不是 JSON 对象，或缺少 Idempotency-Key 请求头",
  "409":
    "The parcel or site does not allow it now (CONFLICT, INVALID_TRANSITION, SITE_FULL, NO_DOOR_WITHIN_REACH, SITE_CLOSED, CONSENT_REQUIRED), or a request with this Idempotency-Key is still running / 包裹或站点当前不允许此操作（或需要收件人同意），或同一幂等键的请求仍在处理中",
  "413": "The body is over 64 KiB (PAYLOAD_TOO_LARGE) / 请求体超过 64 KiB",
};

/** Every domain error's words in both languages, as error.message carries them (the message's examples). */
function errorMessages(): string[] {
  const errors = Object.fromEntries(LOCALES.map((locale) => [locale, messageSource(locale).errors]));
  return Object.keys(errors.en).flatMap((key) => LOCALES.map((locale) => errors[locale][key as ErrorKey]));
}

/** A response whose body is the named schema of components.schemas. */
const withBody = (description: string, id: string) => ({
  description,
  content: { "application/json": { schema: { $ref: `#/components/schemas/${id}` } } },
});

function schemaId(schema: z.ZodType): string {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error("every route's response schema is registered in apiSchemas (lib/api/responses.ts)");
  return id;
}

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
        [successStatus]: withBody("Success", schemaId(route.response)),
        ...(route.created ? { "200": withBody("The operation had already happened: its first result (replayed: true)", schemaId(route.response)) } : {}),
        ...Object.fromEntries(
          Object.entries({
            ...ERROR_RESPONSES,
            ...(route.method === "POST" ? WRITE_ERROR_RESPONSES : {}),
            ...(route.path === "/kiosk/collections" ? { "410": "The code is right but the parcel expired (PARCEL_EXPIRED); details say whom to contact" } : {}),
          }).map(([status, description]) => [status, withBody(description, "Error")]),
        ),
        default: withBody("An error", "Error"),
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
        ...responseSchemas(),
        Error: {
          type: "object",
          required: ["error"],
          additionalProperties: false,
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              additionalProperties: false,
              properties: {
                code: { type: "string", enum: [...ERROR_CODES, ...API_ONLY_CODES] },
                message: {
                  type: "string",
                  description:
                    "For a person, in the language of Accept-Language (zh-CN or en; English when neither is asked for). Clients branch on code, never on message. / 给人看的说明，语言按 Accept-Language（zh-CN 或 en；都没有时为英文）。程序请按 code 判断，不要按 message。",
                  // Each domain error's words, English then Chinese (ICU placeholders such as {tracking} are filled in).
                  examples: errorMessages(),
                },
                details: { description: "What the code carries: fieldErrors (INVALID), alternatives (SITE_FULL), size, the reach band in mm and alternatives with a free door in the band, their free counts in the band only (NO_DOOR_WITHIN_REACH), requestId to poll (CONSENT_REQUIRED), whom to contact (PARCEL_EXPIRED), a wait (LOCKED_OUT)" },
              },
            },
          },
        },
      },
    },
  };
}

/** The success bodies, as JSON Schema 2020-12 (OpenAPI 3.1's dialect), referring to each other by component. */
function responseSchemas(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(apiSchemas, { io: "output", uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, asComponent(schema)]));
}

/**
 * A component states no dialect and no $id of its own: the document's dialect applies, and
 * it is found by its place (#/components/schemas/<id>), which an $id may not be.
 */
function asComponent(schema: object): object {
  const { $schema: _dialect, $id: _id, ...rest } = schema as { $schema?: string; $id?: string };
  return rest;
}
