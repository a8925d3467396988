import { describe, expect, it } from 'vitest';
import { downloadMediaType } from '../../../renderer/src/host/browser-host';

describe('downloadMediaType', () => {
  it('labels each share format with its media type, by the first known extension', () => {
    const type = (...extensions: string[]) => downloadMediaType([{ name: 'File', extensions }]);
    expect(type('json')).toBe('application/json');
    expect(type('csv')).toBe('text/csv');
    expect(type('ics')).toBe('text/calendar');
    expect(type('html')).toBe('text/html');
    expect(type('xml')).toBe('application/xml');
    expect(type('XLSX')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(type('bin', 'pdf')).toBe('application/pdf');
    expect(type('bin')).toBe('application/octet-stream');
  });
});
