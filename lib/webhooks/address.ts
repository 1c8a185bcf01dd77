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
// IPv6: only global unicast (2000::/3) is anybody's; within it, documentation and Teredo (which hides an IPv4 address).
const GLOBAL_V6 = new BlockList();
GLOBAL_V6.addSubnet("2000::", 3, "ipv6");
for (const [net, bits] of [
  ["2001:db8::", 32],
  ["2001::", 32],
] as const)
  BLOCKED.addSubnet(net, bits, "ipv6");

/** An IPv6 address as its eight 16-bit groups (a trailing dotted IPv4 part included). */
function groupsOf(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const part = (p: string) => (p ? p.split(":").map((g) => parseInt(g, 16)) : []);
  const front = part(head);
  const back = tail === undefined ? [] : part(tail);
  return [...front, ...Array(8 - front.length - back.length).fill(0), ...back];
}

const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/** The IPv4 address an IPv6 address stands for: IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16); or null. */
function embeddedIpv4(g: number[]): string | null {
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return v4(g[6]!, g[7]!);
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!);
  return null;
}

/** True for an address a webhook may not reach (anything that is not a public unicast address). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: refuse rather than guess
  if (family === 4) return BLOCKED.check(address, "ipv4");
  const inside = embeddedIpv4(groupsOf(address));
  if (inside) return BLOCKED.check(inside, "ipv4");
  return !GLOBAL_V6.check(address, "ipv6") || BLOCKED.check(address, "ipv6");
}
