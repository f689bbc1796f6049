import { createLogger } from './logger.js';
import { apolloLogger } from './apollo-logger.js';

describe('Apollo logs through the redacting logger', () => {
  it('writes no ID number, phone or token that Apollo puts in a message', () => {
    const lines: string[] = [];
    const apollo = apolloLogger(createLogger('gateway', 'info', { write: (s: string) => void lines.push(s) }));
    apollo.error('Unexpected error processing request: Error: person 510107198804129130 (13800138000) Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
    apollo.warn(new Error('Key (name)=(张伟) already exists.'));
    const all = lines.join('\n');
    expect(lines).toHaveLength(2);
    for (const secret of ['510107198804129130', '13800138000', 'eyJhbGciOiJIUzI1NiJ9', '张伟']) expect(all).not.toContain(secret);
    expect(all).toContain('"context":"apollo"');
  });
});
