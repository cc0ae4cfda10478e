import { requestContext } from "@/lib/auth/current";
import { errorWords, unexpectedWords } from "@/lib/error-words";
import { isDomainError } from "@/lib/errors";
import { translateKey } from "@/lib/i18n/translate";
import { requestLocale } from "@/lib/i18n/request-locale";
import { exportParcelsCsv } from "@/lib/admin/parcel-search";

/**
 * The parcel search as a CSV file. Authorized here, by the verb, like every other read:
 * anyone but an admin gets 404 — the same answer as for a search that is not theirs.
 */
export async function GET(request: Request) {
  const ctx = await requestContext();
  const search = Object.fromEntries(new URL(request.url).searchParams);
  delete search.page;
  const locale = await requestLocale();
  try {
    const file = exportParcelsCsv(ctx, search, locale);
    return new Response(file.csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        ...(file.truncated ? { "X-Export-Truncated": "true" } : {}),
      },
    });
  } catch (error) {
    if (isDomainError(error)) {
      const status = error.code === "INVALID" ? 400 : error.code === "UNAUTHENTICATED" ? 401 : 404;
      const words = error.code === "INVALID" ? errorWords(error, locale) : translateKey(locale, "errors.notFound");
      return new Response(words, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    }
    console.error("Parcel export failed:", error);
    return new Response(unexpectedWords(locale), { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
