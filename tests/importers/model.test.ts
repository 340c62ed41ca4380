import { ContractRow, parseAmount, parseDate } from '../../importers/model.js';

describe('cell parsing', () => {
  it.each([
    ['1234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['€ 1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ['€ 100.000', 100000],
    ['100.000,00', 100000],
    ['1.234.567', 1234567],
    ['12.5', 12.5],
    ['1,5', 1.5],
  ])('when the amount is %s, then it reads as %d', (text, expected) => {
    expect(parseAmount(text)).toBe(expected);
  });

  it('when an amount is not a number, then it is refused', () => {
    expect(parseAmount('veel')).toBeUndefined();
  });

  it.each([
    ['2026-12-31', '2026-12-31'],
    ['31-12-2026', '2026-12-31'],
    ['1/2/2027', '2027-02-01'],
    ['31-02-2027', undefined],
  ])('when the date is %s, then it reads as %s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it.each([
    ['2026-02-31', 'February 2026 has 28 days, not 31'],
    ['2026-13-45', 'there is no month 13'],
    ['31-02-2026', 'February 2026 has 28 days, not 31'],
    ['2023-02-29', 'February 2023 has 28 days, not 29'],
    ['0226-01-01', 'a year of four digits, not 226'],
  ])('when a contract ends on %s, a day that does not exist, then the row is refused and says why', (end, why) => {
    const result = ContractRow.safeParse({ id: 'c1', organisation: 'gm1', supplier: 's1', end });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map(issue => [issue.path.join('.'), issue.message])).toEqual([['end', `a date such as 2026-12-31 or 31-12-2026 that exists (${why})`]]);
  });

  it('when a date has a time after it (as XLSX date-times do), then the day counts, but only after a real time', () => {
    expect([parseDate('2024-02-29'), parseDate('2026-12-31T10:30:00.000Z'), parseDate('2026-12-31 23:59'), parseDate('2026-12-31Tmorgen'), parseDate('2026-12-31 25:00')])
      .toEqual(['2024-02-29', '2026-12-31', '2026-12-31', undefined, undefined]);
    expect(ContractRow.parse({ id: 'c1', organisation: 'gm1', supplier: 's1', start: '', end: '31.12.2026' })).toMatchObject({ start: undefined, end: '2026-12-31' });
  });

  it('when a contract row is Dutch, then every field is coerced', () => {
    const row = ContractRow.parse({ id: 'c1', organisation: 'gm1', supplier: 's1', applications: 'a|b', end: '31-12-2027', noticeMonths: '3', autoRenew: 'ja', annualValue: '€ 12.500,00', exitPlan: 'nee', dataPortability: 'Ja' });
    expect(row).toMatchObject({ applications: ['a', 'b'], end: '2027-12-31', noticeMonths: 3, autoRenew: true, annualValue: 12500, exitPlan: false, dataPortability: true });
  });
});
