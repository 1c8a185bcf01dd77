/**
 * What a person is told when they use the newsroom from another address than
 * SITE_URL's (the proxy's refusal and the sign-in page show it). Apart from
 * lib/site.ts so that the sign-in form's bundle carries no configuration code.
 */
export function wrongAddressMessage(siteOrigin: string, openedAt: string): string {
  return `This newsroom's address is ${siteOrigin} (SITE_URL), but this page was opened at ${openedAt}. Open ${siteOrigin}/login, or set SITE_URL to the address you use.`;
}
