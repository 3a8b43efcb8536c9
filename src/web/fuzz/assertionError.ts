// The error a failed internal assertion throws: its message starts with "assertion failed:".

export function assertionFailed(what: string, where: string): never {
  throw new Error(`assertion failed: ${what} (at ${where})`);
}
