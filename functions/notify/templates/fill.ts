/**
 * Fills `{name}` placeholders; `encode` is applied to every value (never to our own template text). The one filler
 * of every text we write in five languages: the notifier's templates and the e-mail channel's answers.
 */
export function fill(template: string, values: Record<string, string>, encode: (value: string, key: string) => string = (v) => v): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => encode(values[key] ?? '', key));
}
