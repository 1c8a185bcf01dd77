import { BlockList, isIP } from "node:net";

/**
 * Where a webhook may not point: this machine, the private networks around it,
 * and the addresses that are not anybody's (link-local, where cloud metadata
 * services answer; multicast; reserved). A webhook is a request our server
 * makes on an admin's say-so: without this it is a way into the network behind
 * it. Checked when an endpoint is registered and again for every address its
 * name resolves to when a delivery connects (a name that later resolves inside
 * is refused then), unless NEWSROOM_WEBHOOK_ALLOW_PRIVATE is on.
 */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  BLOCKED.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["100::", 64],
] as const)
  BLOCKED.addSubnet(net, bits, "ipv6");

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address (::ffff:10.0.0.1, 64:ff9b::a00:1), or null. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** True for an address a webhook may not reach (anything that is not a public unicast address). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: refuse rather than guess
  if (family === 4) return BLOCKED.check(address, "ipv4");
  const v4 = embeddedIpv4(address);
  if (v4) return BLOCKED.check(v4, "ipv4");
  return BLOCKED.check(address, "ipv6");
}
