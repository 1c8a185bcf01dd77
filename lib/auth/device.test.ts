import { describe, expect, it } from "vitest";
import { deviceFromCookieHeader, newDeviceId, readDevice, signDevice } from "./device";

const secret = "a-test-secret-that-is-long-enough-000";

describe("device cookies", () => {
  const device = { userId: "cuser123abc", deviceId: newDeviceId() };

  it("reads back what it signed", () => {
    expect(readDevice(signDevice(device, secret), secret)).toEqual(device);
    expect(deviceFromCookieHeader(`a=b; newsroom-device=${signDevice(device, secret)}; c=d`, secret)).toEqual(device);
    expect(deviceFromCookieHeader(`__Host-newsroom-device=${signDevice(device, secret)}`, secret)).toEqual(device);
  });

  it("refuses another secret's signature, a changed account or device, and nonsense", () => {
    const value = signDevice(device, secret);
    const [, deviceId, mac] = value.split(".");
    expect(readDevice(value, "another-secret-entirely-1234567890")).toBeNull();
    expect(readDevice(`cvictim999.${deviceId}.${mac}`, secret)).toBeNull();
    expect(readDevice(`${device.userId}.${newDeviceId()}.${mac}`, secret)).toBeNull();
    expect(readDevice(`${value}.x`, secret)).toBeNull();
    expect(readDevice(value.slice(0, -2), secret)).toBeNull();
    expect(readDevice("", secret)).toBeNull();
    expect(readDevice(value, undefined)).toBeNull();
    expect(deviceFromCookieHeader("newsroom-device=%zz; other=1", secret)).toBeNull();
    expect(deviceFromCookieHeader(null, secret)).toBeNull();
  });

  it("gives every device an unguessable id of its own", () => {
    expect(new Set(Array.from({ length: 100 }, newDeviceId)).size).toBe(100);
  });
});
