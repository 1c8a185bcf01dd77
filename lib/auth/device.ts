import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Device cookies (OWASP, "Slow down online guessing attacks with device
 * cookies"): a successful sign-in leaves a long-lived cookie naming the
 * account and a random device id, signed with the auth secret. A sign-in that
 * brings a valid one for the account it names is from a device that account
 * used before: its failures count against that device alone, and the
 * account's lockout (earned by guesses from elsewhere) does not apply to it.
 * The cookie proves nothing by itself — the password is still needed.
 */
export const DEVICE_COOKIE = "newsroom-device";
/** On HTTPS: only this host may set it, and only over HTTPS. */
export const SECURE_DEVICE_COOKIE = "__Host-newsroom-device";
/** A year (browsers keep a cookie at most 400 days). */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export type TDevice = { userId: string; deviceId: string };

const PART = /^[A-Za-z0-9_-]{1,64}$/;

export const newDeviceId = () => randomBytes(16).toString("base64url");

function mac(payload: string, secret: string): string {
  // A key of its own, derived from the auth secret, so this MAC is never a valid next-auth value and vice versa.
  const key = createHmac("sha256", secret).update("newsroom device cookie v1").digest();
  return createHmac("sha256", key).update(payload).digest("base64url");
}

/** The cookie's value for this device of this account. */
export function signDevice(device: TDevice, secret: string): string {
  if (!PART.test(device.userId) || !PART.test(device.deviceId)) throw new Error("Device cookie parts must be short base64url words.");
  const payload = `${device.userId}.${device.deviceId}`;
  return `${payload}.${mac(payload, secret)}`;
}

/** The device a cookie value names, if it was signed with `secret`; otherwise null. */
export function readDevice(value: string | null | undefined, secret: string | undefined): TDevice | null {
  if (!value || !secret || value.length > 300) return null;
  const [userId, deviceId, signature, ...rest] = value.split(".");
  if (rest.length > 0 || !userId || !deviceId || !signature || !PART.test(userId) || !PART.test(deviceId)) return null;
  const expected = Buffer.from(mac(`${userId}.${deviceId}`, secret));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, deviceId } : null;
}

/** The device named by a request's Cookie header (either cookie name). */
export function deviceFromCookieHeader(header: string | null, secret: string | undefined): TDevice | null {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    const name = part.slice(0, eq).trim();
    if (eq > 0 && (name === DEVICE_COOKIE || name === SECURE_DEVICE_COOKIE)) {
      const device = readDevice(part.slice(eq + 1).trim(), secret);
      if (device) return device;
    }
  }
  return null;
}
