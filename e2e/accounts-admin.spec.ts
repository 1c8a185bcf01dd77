import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ADMIN_STATE, CONTRIBUTOR_STATE } from "./accounts";
import { expectOnLoginPage, formAlert, signIn, SIGNED_OUT } from "./helpers";

test.describe("an admin managing accounts", () => {
  test.use({ storageState: ADMIN_STATE });

  test("creates an account, and deactivating it ends that person's session elsewhere at once", async ({ page, browser }) => {
    const tag = randomBytes(4).toString("hex");
    const person = { name: `Temp Reporter ${tag}`, email: `temp-${tag}@e2e.newsroom.invalid`, password: `pw-${randomBytes(9).toString("hex")}` };

    await page.goto("/newsroom/users");
    const create = page.getByRole("region", { name: "New account" });
    await create.getByLabel("Name").fill(person.name);
    await create.getByLabel("Email").fill(person.email);
    await create.getByLabel(/^Password/).fill("short");
    await create.getByRole("button", { name: "Create account" }).click();
    await expect(create.getByRole("alert")).toContainText("at least 10 characters");
    await expect(create.getByLabel("Email")).toHaveValue(person.email); // nothing typed is lost

    await create.getByLabel(/^Password/).fill(person.password);
    await create.getByRole("button", { name: "Create account" }).click();
    await expect(create.getByRole("status")).toContainText(`Created ${person.name}`);

    const elsewhere = await browser.newContext(SIGNED_OUT);
    const theirPage = await elsewhere.newPage();
    await signIn(theirPage, person);
    await expect(theirPage.getByRole("heading", { name: `Welcome, ${person.name}` })).toBeVisible();

    const row = page.getByRole("row", { name: person.email });
    await row.getByRole("button", { name: `Deactivate ${person.name}` }).click();
    await expect(row.getByRole("status")).toContainText("deactivated");

    await theirPage.reload();
    await expectOnLoginPage(theirPage);
    await signIn(theirPage, person);
    await expect(formAlert(theirPage)).toContainText("deactivated");
    await elsewhere.close();
  });
});

test.describe("someone who is not an admin", () => {
  test.use({ storageState: CONTRIBUTOR_STATE });

  test("is told that accounts are for admins", async ({ page }) => {
    await page.goto("/newsroom/users");
    await expect(page.getByText("Only admins manage accounts.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create account" })).toHaveCount(0);
  });
});
