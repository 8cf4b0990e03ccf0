/** A count with its noun in the right number: plural(1, 'ticket') → "1 ticket", plural(3, 'ticket') → "3 tickets". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "a", "a or b", "a, b or c": a choice as people write it. */
export function oneOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}
