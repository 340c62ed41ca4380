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

  it('when a contract row is Dutch, then every field is coerced', () => {
    const row = ContractRow.parse({ id: 'c1', organisation: 'gm1', supplier: 's1', applications: 'a|b', end: '31-12-2027', noticeMonths: '3', autoRenew: 'ja', annualValue: '€ 12.500,00', exitPlan: 'nee', dataPortability: 'Ja' });
    expect(row).toMatchObject({ applications: ['a', 'b'], end: '2027-12-31', noticeMonths: 3, autoRenew: true, annualValue: 12500, exitPlan: false, dataPortability: true });
  });
});
