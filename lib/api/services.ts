import "server-only";
import { appWorld } from "@/lib/app-context";
import { env } from "@/lib/env";
import type { ApiServices } from "./handler";

let services: ApiServices | undefined;

export function apiServices(): ApiServices {
  if (!services) {
    services = { ...appWorld(), rateLimitPerMinute: env().API_RATE_LIMIT_PER_MINUTE };
  }
  return services;
}
