// Parts that add up to the total shown (largest remainder), and precision that tells values apart.
import { decimalsToTellApart, partsAddingUp, roundedApart } from '../../web/src/rounding.js';

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 10) / 10;

describe('partsAddingUp', () => {
  it('when each part rounds up and the total does not, then one part gives a tenth back', () => {
    // 35,35 + 21,35 = 56,70 → rounded on their own 35,4 + 21,4 = 56,8.
    expect(partsAddingUp([35.35, 21.35], 56.7)).toEqual([35.4, 21.3]);
  });

  it('when the total is the rounded sum shown elsewhere (56,6 while the parts say 56,7), then the parts add up to it', () => {
    const parts = partsAddingUp([35.33, 21.33], 56.6);
    expect(sum(parts)).toBe(56.6);
    expect(parts).toEqual([35.3, 21.3]);
  });

  it('when rounding each part already adds up, then the parts are rounded as usual', () => {
    expect(partsAddingUp([35, 20], 55)).toEqual([35, 20]);
    expect(partsAddingUp([12.36, 40.04], 52.4)).toEqual([12.4, 40]);
  });

  it('when two parts lose as much, then the larger part gets the missing tenth', () => {
    // 12,34 + 40,04 = 52,38 → 52,4; on their own 12,3 + 40,0 = 52,3.
    expect(partsAddingUp([12.34, 40.04], 52.4)).toEqual([12.3, 40.1]);
  });

  it('when a component does not apply (0), then it stays 0 and the other carries the total', () => {
    expect(partsAddingUp([60.05, 0], 60.1)).toEqual([60.1, 0]);
  });

  it('when many parts are rounded, then the parts always add up to the total (every split of 1–99,9 in three)', () => {
    for (let a = 0; a <= 40; a += 1.37) {
      for (let b = 0; b <= 40; b += 2.53) {
        const parts = [a, b, 19.99];
        const total = Math.round((a + b + 19.99) * 10) / 10;
        expect(sum(partsAddingUp(parts, total))).toBe(total);
      }
    }
  });
});

describe('decimalsToTellApart', () => {
  // As the page formats: Intl rounds 0,35 to 0,4 (toFixed gives 0.3).
  const format = (value: number, decimals: number) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
  it('when gains of 0,37 and 0,35 would both show as 0,4, then two decimals', () => {
    expect(decimalsToTellApart([0.37, 0.37, 0.35], format)).toBe(2);
  });
  it('when one decimal tells them apart, then one', () => {
    expect(decimalsToTellApart([25, 10, 10], format)).toBe(1);
  });
  it('when a gain is below 1 point, then two decimals (0,37, not 0,4), also when all are equal', () => {
    expect(decimalsToTellApart([0.04], format)).toBe(2);
    expect(decimalsToTellApart([0.37, 0.37], format)).toBe(2);
  });
});

describe('roundedApart', () => {
  const format = (value: number, decimals: number) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
  it('when the parts shown to add up differ from each part rounded on its own (the demo: 26,1 on the page, 26,2 in Excel), then both are given to say once', () => {
    const parts = [30.48, 26.17];
    const shown = partsAddingUp(parts, 56.6);
    expect(shown).toEqual([30.5, 26.1]);
    expect(roundedApart(parts, shown, format)).toEqual({ exact: '30,48 + 26,17', plain: '30,5 + 26,2' });
  });
  it('when each part rounded on its own already adds up, then there is nothing to say', () => {
    expect(roundedApart([35, 20], partsAddingUp([35, 20], 55), format)).toBeNull();
    expect(roundedApart([12.36, 40.04], partsAddingUp([12.36, 40.04], 52.4), format)).toBeNull();
  });
});
