import "server-only";
import { db } from "@/lib/db";

/**
 * Whether the app's database opens and answers, for the health probe (app/api/health). A
 * failure is logged here with its cause; the probe answers only yes or no.
 */
export function databaseAnswers(): boolean {
  try {
    db().$client.prepare("select 1").get();
    return true;
  } catch (error) {
    console.error("health: the database does not answer", error);
    return false;
  }
}
