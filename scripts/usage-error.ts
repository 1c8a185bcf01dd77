/** A mistake in a command's arguments: its message says what is wrong; the usage text follows it. */
export class UsageError extends Error {}
