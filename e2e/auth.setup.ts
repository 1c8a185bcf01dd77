import { expect, test as setup } from "@playwright/test";
import { ADMIN_STATE, e2eAccounts } from "./accounts";
import { signIn } from "./helpers";


setup("sign in once as the admin", async ({ page }) => {
  const { admin } = e2eAccounts();
  await signIn(page, admin);
  await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();
  await page.context().storageState({ path: ADMIN_STATE });
});
