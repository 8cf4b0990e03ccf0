// The About page tells readers what is recorded about them: it must say what the code does. The security logs'
// retention is read from the CDK constant the log bucket and the API's log group both use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_LOG_DAYS } from '../../cdk/constructs/security-logs.ts';
import { maskPersonalData } from '../../functions/analytics/domain/normalise.ts';

const about = readFileSync(join(import.meta.dirname, '../../content/pages/about.md'), 'utf8').replace(/\s+/g, ' ');

describe('the About page on what is recorded', () => {
  it('does not promise that the sending address is never written anywhere: the security logs hold it', () => {
    expect(about).not.toMatch(/never written anywhere/i);
    expect(about).toContain('## Security logs');
    expect(about).toContain('**your IP address**');
    expect(about).toContain('/search/?q=...');
    expect(about).toContain('/app/tickets/new?subject=...');
  });

  it('gives the security logs\' real retention and who may read them', () => {
    expect(SECURITY_LOG_DAYS).toBe(90);
    expect(about).toContain(`These logs are kept **${SECURITY_LOG_DAYS} days**`);
    expect(about).toContain('Only the centre\'s operators');
  });

  it('says what is masked, with the placeholders the counters really hold', () => {
    expect(about).toContain(`replaced by "${maskPersonalData('a@b.example')}"`);
    expect(about).toContain(`by "${maskPersonalData('+33 6 12 34 56 78')}"`);
  });
});
