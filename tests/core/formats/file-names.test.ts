import { describe, expect, it } from 'vitest';
import { suggestedFileName } from '../../../core/formats/file-names.ts';

describe('suggested file names', () => {
  it('are ASCII, without path separators, with the right extension', () => {
    expect(suggestedFileName({ id: 'case/ibm-watson' })).toBe('case-ibm-watson.md');
    expect(suggestedFileName('bundle')).toBe('strategy-workbench-kb.json');
    expect(suggestedFileName('cases', new Date('2025-03-01T10:00:00Z'))).toBe('strategy-workbench-cases-2025-03-01.csv');
    expect(suggestedFileName({ id: '../../etc/passwd' })).toBe('etc-passwd.md');
  });
});
