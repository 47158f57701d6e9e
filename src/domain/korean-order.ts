// Korean order with numbers by value ("2" before "10"), as `Intl.Collator('ko', { numeric: true })` gives it,
// without building that collator for the strings a market's data is mostly made of. The page's first collator
// sets up ICU's collation (in Node 6–14 ms, whichever locale; a second one 0.1 ms): ≈ 60 ms of a tablet's cold
// start at CPU 4× (bench 4a, CDP profile), for Today's route order on a tie of times; the floor page pays none.
//
// Strings of Hangul syllables, ASCII letters and ASCII digits (no number with a leading zero) are compared here;
// any other pair goes to the collator, built on first need. For these strings the collator's order is: numbers
// first (by value), then Hangul, then Latin letters regardless of case (the Korean collation puts Hangul before
// other scripts); a syllable counts as its letters (initial consonant, vowel, final consonant if any: all
// initials before all vowels before all finals), so "갂" sorts before "가a" (its final before a Latin letter);
// only when all of that ties, lowercase before uppercase at the first letter that differs in case.
// `korean-order.test.ts` checks this against the collator itself on generated strings.

let collator: Intl.Collator | undefined;
const icu = () => (collator ??= new Intl.Collator('ko', { numeric: true }));

/** Only Hangul syllables, ASCII letters and digits; no number written with a leading zero or over 15 digits. */
const SIMPLE = /^(?:[가-힣A-Za-z]|(?:0|[1-9][0-9]{0,14})(?![0-9]))*$/;

/** Primary weights, one per unit, in the collator's order: a number's value, then Hangul letters, then Latin. */
const HANGUL = 1e15;
const LATIN = 2e15;
const VOWELS = 100;
const FINALS = 200;

interface Key {
  primary: number[];
  /** Per Latin letter, in order: uppercase or not (the tertiary level, for equal primaries only). */
  upper: boolean[];
}

function keyOf(s: string): Key {
  const primary: number[] = [];
  const upper: boolean[] = [];
  for (let i = 0; i < s.length;) {
    const code = s.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) {
      let end = i + 1;
      while (end < s.length && s.charCodeAt(end) >= 0x30 && s.charCodeAt(end) <= 0x39) end++;
      primary.push(Number(s.slice(i, end)));
      i = end;
      continue;
    }
    if (code >= 0xac00) {
      const n = code - 0xac00;
      const final = n % 28;
      primary.push(HANGUL + Math.floor(n / 588), HANGUL + VOWELS + (Math.floor(n / 28) % 21));
      if (final !== 0) primary.push(HANGUL + FINALS + final);
    } else {
      primary.push(LATIN + (code | 0x20));
      upper.push(code < 0x61);
    }
    i++;
  }
  return { primary, upper };
}

/** Both strings match SIMPLE. */
function compareSimple(a: string, b: string): number {
  const ka = keyOf(a);
  const kb = keyOf(b);
  const n = Math.min(ka.primary.length, kb.primary.length);
  for (let i = 0; i < n; i++) {
    if (ka.primary[i] !== kb.primary[i]) return ka.primary[i]! - kb.primary[i]!;
  }
  if (ka.primary.length !== kb.primary.length) return ka.primary.length - kb.primary.length;
  for (let i = 0; i < ka.upper.length; i++) {
    if (ka.upper[i] !== kb.upper[i]) return ka.upper[i] ? 1 : -1;
  }
  return 0;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` in Korean order, numbers by value. */
export function compareKorean(a: string, b: string): number {
  if (a === b) return 0;
  if (SIMPLE.test(a) && SIMPLE.test(b)) return Math.sign(compareSimple(a, b));
  return icu().compare(a, b);
}
