import { describe, expect, it } from "vitest";
import { serializeJsonLd } from "./json-ld";

describe("serializeJsonLd", () => {
  it("cannot be broken out of, and reads back the same", () => {
    const data = { headline: '</script><script>alert(1)</script> "><img src=x onerror=alert(1)> & \u2028' };
    const out = serializeJsonLd(data);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual(data);
  });
});
