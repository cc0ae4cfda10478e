import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { doorController } from "@/lib/doors";
import { env } from "@/lib/env";
import { keysFromHex } from "@/lib/pickup-codes/code";
import type { ApiServices } from "./handler";

let services: ApiServices | undefined;

export function apiServices(): ApiServices {
  if (!services) {
    const config = env();
    services = {
      db: db(),
      now: clockNow,
      doors: doorController(),
      keys: keysFromHex(config.PICKUP_CODE_HMAC_KEY, config.PICKUP_CODE_ENCRYPTION_KEY),
      rateLimitPerMinute: config.API_RATE_LIMIT_PER_MINUTE,
    };
  }
  return services;
}
