/**
 * Text that looks like a secret: the browser warns before an upload, the server marks the attachment for staff
 * after it. Patterns err on the side of a warning (a person decides); each finding names its line.
 */
export interface SecretFinding {
  kind: string;
  /** 1-based line number. */
  line: number;
}

const SECRET_PATTERNS: ReadonlyArray<{ kind: string; pattern: RegExp }> = [
  { kind: 'private key', pattern: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----/ },
  { kind: 'Hugging Face token', pattern: /\bhf_[A-Za-z0-9]{30,}\b/ },
  { kind: 'AWS access key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { kind: 'password', pattern: /\b(?:password|passwd|pwd)\s*[=:]\s*\S+/i },
  { kind: 'Authorization header', pattern: /\bAuthorization\s*:\s*(?:Bearer|Basic|Token)\s+\S+/i },
  { kind: 'API token', pattern: /\b(?:ghp_[A-Za-z0-9]{36}|xox[bp]-[A-Za-z0-9-]{20,}|sk-[A-Za-z0-9]{32,})\b/ },
];

/** At most this many findings are reported: enough to warn, and a log of a million keys does not flood the page. */
export const MAX_FINDINGS = 20;

export function findSecrets(text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  let line = 1;
  let start = 0;
  while (start <= text.length && findings.length < MAX_FINDINGS) {
    const end = text.indexOf('\n', start);
    const content = text.slice(start, end === -1 ? text.length : end);
    for (const { kind, pattern } of SECRET_PATTERNS) {
      if (pattern.test(content)) {
        findings.push({ kind, line });
        break;
      }
    }
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return findings;
}

/** "a private key (line 3) and a password (line 12)": the warning's words. */
export function describeSecrets(findings: readonly SecretFinding[]): string {
  const parts = findings.slice(0, 3).map((f) => `${/^[aeiou]/i.test(f.kind) ? 'an' : 'a'} ${f.kind} (line ${f.line})`);
  if (findings.length > 3) return `${parts.join(', ')} and ${findings.length - 3} more`;
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
