import { describe, expect, test } from "vitest";
import { clientAddress, PEER_HEADER } from "./client-address";

describe("the address a request came from", () => {
  test("is the socket's peer the server stamped, whatever X-Forwarded-For a client wrote", () => {
    expect(clientAddress(new Headers({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "1.2.3.4" }))).toBe("203.0.113.7");
  });

  test("behind a proxy on this machine or a private network, the proxy's own entry: the last one", () => {
    expect(clientAddress(new Headers({ [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "1.2.3.4, 203.0.113.7" }))).toBe("203.0.113.7");
    expect(clientAddress(new Headers({ [PEER_HEADER]: "::ffff:10.0.0.2", "x-forwarded-for": "198.51.100.4" }))).toBe("198.51.100.4");
    expect(clientAddress(new Headers({ [PEER_HEADER]: "127.0.0.1" }))).toBe("127.0.0.1");
  });

  test("without our server (next dev), Next.js's own entry", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "::1" }))).toBe("::1");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});
