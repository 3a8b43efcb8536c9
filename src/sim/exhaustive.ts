// The end of an exhaustive switch over a union of kinds: a kind without a case makes `value` not
// `never`, and the compiler names it there. At run time (bad data) it throws, naming the kind.
export function unreachable(value: never, what: string): never {
  throw new Error(`unknown ${what}: ${JSON.stringify(value)}`);
}
