import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";
import { translateKey, type MessageParams } from "@/lib/i18n/translate";

export const ERROR_CODES = [
  "INVALID",
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "CONFLICT",
  "INVALID_TRANSITION",
  "SITE_FULL",
  // The recipient asked for doors within reach, and none that fits is free in the band (lib/slots/reach.ts).
  "NO_DOOR_WITHIN_REACH",
  "SITE_CLOSED",
  "LOCKED_OUT",
  "WRONG_CODE",
  "PARCEL_EXPIRED",
  // The recipient has not agreed to a locker for this parcel (lib/consent): ask, attest, or deliver in person.
  "CONSENT_REQUIRED",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A domain error's words: a key of the `errors` namespace of messages/*.json. */
export type ErrorKey = keyof Messages["errors"];
/** A field's words: a key of the `fields` namespace, or text not yet in the message files. */
export type FieldKey = keyof Messages["fields"];
export type FieldWording = { key: FieldKey; params?: MessageParams } | { text: string };
export type FieldWordings = Record<string, FieldWording[]>;
export type { MessageParams };

export function field(key: FieldKey, params?: MessageParams): FieldWording {
  return params ? { key, params } : { key };
}

type Options<D> = {
  params?: MessageParams;
  /** Words per form field; they also become `details.fieldErrors` (in English) for logs and tests. */
  fields?: FieldWordings;
  details?: D;
};

/**
 * The one error family of the domain. It carries no sentence of its own: `key` and
 * `params` name its words, which each edge (form action, API, kiosk) puts in its caller's
 * language (lib/error-words.ts). `message` is the English wording, for logs and tests.
 * `details` carries what an edge may render (field errors, alternative sites, a wait).
 */
export class DomainError<D = unknown> extends Error {
  readonly code: ErrorCode;
  readonly key: ErrorKey;
  readonly params: MessageParams;
  readonly fields: FieldWordings | undefined;
  readonly details: D | undefined;

  constructor(code: ErrorCode, key: ErrorKey, options: Options<D> = {}) {
    super(translateKey("en", `errors.${key}`, options.params));
    this.name = "DomainError";
    this.code = code;
    this.key = key;
    this.params = options.params ?? {};
    this.fields = options.fields;
    this.details = options.fields
      ? ({ ...(options.details ?? {}), fieldErrors: wordFields(options.fields, "en") } as D)
      : options.details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** Field wordings as text in `locale`. */
export function wordFields(fields: FieldWordings, locale: Locale): Record<string, string[]> {
  const worded: Record<string, string[]> = {};
  for (const [name, wordings] of Object.entries(fields)) {
    worded[name] = wordings.map((wording) => ("text" in wording ? wording.text : translateKey(locale, `fields.${wording.key}`, wording.params)));
  }
  return worded;
}

const NOT_FOUND_KEYS = {
  parcel: "parcelNotFound",
  site: "siteNotFound",
  locker: "lockerNotFound",
  door: "doorNotFound",
  courier: "courierNotFound",
  shipment: "shipmentNotFound",
} as const satisfies Record<string, ErrorKey>;
export type NotFoundSubject = keyof typeof NOT_FOUND_KEYS;

/**
 * Refused access looks like absence (STYLE.md). `what` is the subject ("site"); the older
 * spelling "That site" is still read the same way.
 */
export function notFound(what: NotFoundSubject | `That ${NotFoundSubject}` = "parcel"): DomainError {
  const subject = what.replace(/^That /, "") as NotFoundSubject;
  return new DomainError("NOT_FOUND", NOT_FOUND_KEYS[subject] ?? "notFound");
}
