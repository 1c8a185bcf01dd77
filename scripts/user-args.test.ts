import { describe, expect, it } from "vitest";
import { parseUserArgs, USAGE, UsageError } from "./user-args";

const mistake = (argv: string[]) => {
  try {
    parseUserArgs(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`parsed: ${argv.join(" ")}`);
};

describe("npm run user arguments", () => {
  it("reads each command", () => {
    expect(parseUserArgs(["list"])).toEqual({ command: "list" });
    expect(parseUserArgs(["create", "--email", "jane@paper.example", "--name", "Jane Roe", "--role", "admin"])).toEqual({
      command: "create",
      email: "jane@paper.example",
      name: "Jane Roe",
      role: "ADMIN",
      passwordStdin: false,
    });
    expect(parseUserArgs(["reset-password", "jane@paper.example"])).toEqual({ command: "reset-password", email: "jane@paper.example", passwordStdin: false });
    expect(parseUserArgs(["reset-password", "--password-stdin", "jane@paper.example"])).toMatchObject({ passwordStdin: true });
    expect(parseUserArgs(["set-role", "jane@paper.example", "Editor"])).toEqual({ command: "set-role", email: "jane@paper.example", role: "EDITOR" });
    expect(parseUserArgs(["deactivate", "jane@paper.example"])).toEqual({ command: "deactivate", email: "jane@paper.example" });
    expect(parseUserArgs(["activate", "jane@paper.example"])).toEqual({ command: "activate", email: "jane@paper.example" });
  });

  it("still takes --email and --role as flags (as before)", () => {
    expect(parseUserArgs(["deactivate", "--email", "jane@paper.example"])).toEqual({ command: "deactivate", email: "jane@paper.example" });
    expect(parseUserArgs(["set-role", "--email", "jane@paper.example", "--role", "CONTRIBUTOR"])).toMatchObject({ role: "CONTRIBUTOR" });
    expect(parseUserArgs(["set-role", "--email", "jane@paper.example", "ADMIN"])).toMatchObject({ email: "jane@paper.example", role: "ADMIN" });
  });

  it("asks for help", () => {
    expect(parseUserArgs(["--help"])).toEqual({ command: "help" });
    expect(parseUserArgs(["help"])).toEqual({ command: "help" });
    expect(parseUserArgs(["set-role", "-h"])).toEqual({ command: "help" });
    expect(USAGE).toMatch(/list[\s\S]*create[\s\S]*reset-password[\s\S]*set-role[\s\S]*deactivate[\s\S]*activate/);
  });

  it("says what is wrong", () => {
    expect(mistake([])).toBe("Name a command.");
    expect(mistake(["remove", "jane@paper.example"])).toBe('"remove" is not a command.');
    expect(mistake(["reset-password"])).toBe("Name the account: npm run user -- reset-password EMAIL");
    expect(mistake(["set-role", "jane@paper.example"])).toBe("Name the role: CONTRIBUTOR, EDITOR or ADMIN.");
    expect(mistake(["set-role", "jane@paper.example", "boss"])).toBe('"boss" is not a role. Choose CONTRIBUTOR, EDITOR or ADMIN.');
    expect(mistake(["set-role", "jane@paper.example", "EDITOR", "now"])).toBe("Unexpected: now");
    expect(mistake(["list", "everyone"])).toBe("Unexpected: everyone");
    expect(mistake(["create", "--name", "Jane"])).toBe("Give the new account's --email.");
    expect(mistake(["create", "--email", "jane@paper.example", "--role", "ADMIN"])).toBe('Give the new account\'s --name "NAME".');
    expect(mistake(["list", "--everyone"])).toMatch(/Unknown option '--everyone'/);
  });
});
