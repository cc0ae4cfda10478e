import { CredentialsSignin } from "@auth/core/errors";
import { describe, expect, test, vi } from "vitest";
import { logAuthError } from "./auth-log";

describe("the Auth.js error log", () => {
  test("stays quiet for a wrong password, even when minifying renamed the class", () => {
    const log = vi.fn();
    const refused = new CredentialsSignin();
    logAuthError(refused, log);
    // What the production build does to class names.
    Object.defineProperty(refused, "name", { value: "t" });
    logAuthError(refused, log);
    class Limited extends CredentialsSignin {
      code = "rate_limited";
    }
    logAuthError(new Limited(), log);
    expect(log).not.toHaveBeenCalled();
  });

  test("logs every other error", () => {
    const log = vi.fn();
    const fault = new Error("database is locked");
    logAuthError(fault, log);
    const lookalike = new Error("not a sign-in");
    lookalike.name = "CredentialsSignin";
    logAuthError(lookalike, log);
    expect(log.mock.calls.map(([error]) => error)).toEqual([fault, lookalike]);
  });
});
