import "server-only";
import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/errors";

/**
 * Runs a page's read; a NOT_FOUND — absent, or another organization's or carrier's, which
 * the verbs report alike — renders the 404 page. Any other error goes on to the error page.
 */
export function orNotFound<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
