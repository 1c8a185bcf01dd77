import { expect, test as setup } from "@playwright/test";
import { ADMIN_STATE, CONTRIBUTOR_STATE, EDITOR_STATE, e2eAccounts, type TE2eAccount } from "./accounts";
import { signIn } from "./helpers";

/** Sign in once per role; specs reuse the saved browser state. */
const roles: [string, (a: ReturnType<typeof e2eAccounts>) => TE2eAccount, string][] = [
  ["admin", (a) => a.admin, ADMIN_STATE],
  ["editor", (a) => a.editor, EDITOR_STATE],
  ["contributor", (a) => a.contributor, CONTRIBUTOR_STATE],
];

for (const [role, pick, file] of roles) {
  setup(`sign in once as the ${role}`, async ({ page }) => {
    const account = pick(e2eAccounts());
    await signIn(page, account);
    await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
    await page.context().storageState({ path: file });
  });
}
