// Matcher behaviour on tricky news text: normalization, case rules, whole words, leftmost-longest, scale.
import { describe, expect, it } from 'vitest';
import { compileMatcher, type MatchEntity } from '../../../../lib/shared/match/matcher';

const ci = (text: string) => ({ text, caseSensitive: false });
const cs = (text: string) => ({ text, caseSensitive: true });

const DICT = [
  { id: 'putin', aliases: [ci('Vladimir Putin'), ci('Putin'), ci('Путин')] },
  {
    id: 'zelenskyy',
    aliases: [
      ci('Volodymyr Zelenskyy'),
      ci('Zelenskyy'),
      ci('Zelensky'),
      ci('Zelenskiy'),
      ci('Зеленський'),
    ],
  },
  { id: 'kyiv', aliases: [ci('Kyiv'), ci('Kiev'), ci('Київ'), ci('Киев')] },
  { id: 'us', aliases: [cs('US'), cs('U.S.'), ci('United States')] },
  { id: 'eu', aliases: [cs('EU'), ci('European Union')] },
  { id: 'eu-mission', aliases: [ci('EU Mission to Ukraine')] },
  { id: 'ukraine', aliases: [ci('Ukraine')] },
  { id: 'un', aliases: [cs('UN'), ci('United Nations')] },
  { id: 'uk', aliases: [cs('UK'), ci('United Kingdom')] },
  { id: 'kallas', aliases: [ci('Kaja Kallas'), ci('Kallas')] },
  { id: 'elysee', aliases: [ci('Élysée Palace')] },
  { id: 'obrien', aliases: [ci("O'Brien")] },
  { id: 'trump', aliases: [ci('Donald Trump'), ci('Trump')] },
] satisfies (MatchEntity & { id: string })[];

const matcher = compileMatcher(DICT);

/** What a reader would see: the matched text and whose entity it is. */
function found(text: string, m = matcher, dict: { id: string }[] = DICT) {
  return m.find(text).map((x) => [text.slice(x.start, x.end), dict[x.entity]?.id]);
}

describe('compileMatcher / find', () => {
  it('finds names with their offsets in the original text', () => {
    const text = 'Russia launched drones at Kyiv, Zelenskyy said.';
    const [a, b] = matcher.find(text);
    expect(a).toEqual({ start: 26, end: 30, entity: 2 });
    expect(b).toEqual({ start: 32, end: 41, entity: 1 });
  });

  it('matches possessives with straight, typographic and modifier apostrophes', () => {
    expect(found("Putin's war, Putin’s envoy, Zelenskyy’s aides, Zelenskyyʼs plan")).toEqual([
      ['Putin', 'putin'],
      ['Putin', 'putin'],
      ['Zelenskyy', 'zelenskyy'],
      ['Zelenskyy', 'zelenskyy'],
    ]);
    expect(found("Zelenskyy' s office and the Zelenskyys' home")).toEqual([
      ['Zelenskyy', 'zelenskyy'],
    ]);
  });

  it('does not treat an apostrophe followed by other letters as a word end', () => {
    const m = compileMatcher([{ aliases: [ci('Don')] }]);
    expect(m.find("Don't go")).toEqual([]);
    expect(m.find("Don's hat")).toHaveLength(1);
  });

  it('folds curly apostrophes inside an alias', () => {
    expect(found('Mr O’Brien and OʼBrien and O`Brien')).toEqual([
      ['O’Brien', 'obrien'],
      ['OʼBrien', 'obrien'],
      ['O`Brien', 'obrien'],
    ]);
  });

  it('treats NBSP, thin and narrow spaces, newlines and space runs as one space', () => {
    const text =
      'Vladimir\u00a0Putin, Vladimir\u2009Putin, Vladimir\u202fPutin, Vladimir\n      Putin';
    expect(found(text).map((x) => x[1])).toEqual(['putin', 'putin', 'putin', 'putin']);
    expect(matcher.find(text).every((m) => text.slice(m.start, m.end).startsWith('Vladimir'))).toBe(
      true,
    );
  });

  it('keeps case-sensitive aliases to their capitals: US is not "us", EU is not "eu"', () => {
    expect(found('Tell us about the EU and the US.')).toEqual([
      ['EU', 'eu'],
      ['US', 'us'],
    ]);
    expect(found('Give us a break; the Eu and eu are lower case; Us too.')).toEqual([]);
    expect(found('Join the UN. Unless the UK says un.')).toEqual([
      ['UN', 'un'],
      ['UK', 'uk'],
    ]);
  });

  it('never matches EU inside a word', () => {
    expect(found('EUROPE and NEUTRAL and EUs and euro')).toEqual([]);
    expect(found('the EU-backed plan')).toEqual([['EU', 'eu']]);
  });

  it('matches whole words only: Putinism no, Kyiv-based yes', () => {
    expect(found('Putinism and Putinist ideas')).toEqual([]);
    expect(found('a Kyiv-based analyst')).toEqual([['Kyiv', 'kyiv']]);
    expect(found('in l’Ukraine today')).toEqual([['Ukraine', 'ukraine']]);
  });

  it('decides Kiev vs Kievan: the medieval state is not the city', () => {
    expect(found('Kievan Rus was a state')).toEqual([]);
    expect(found("Kiev's mayor")).toEqual([['Kiev', 'kyiv']]);
  });

  it('matches Cyrillic aliases with case folding', () => {
    expect(found('Володимир Зеленський приїхав до Києва, а потім до Київ. ЗЕЛЕНСЬКИЙ')).toEqual([
      ['Зеленський', 'zelenskyy'],
      ['Київ', 'kyiv'],
      ['ЗЕЛЕНСЬКИЙ', 'zelenskyy'],
    ]);
    expect(found('Путину и Путин')).toEqual([['Путин', 'putin']]);
  });

  it('prefers the longest match and never overlaps', () => {
    expect(found('Vladimir Putin and Putin')).toEqual([
      ['Vladimir Putin', 'putin'],
      ['Putin', 'putin'],
    ]);
    expect(found('near the EU Mission to Ukraine building')).toEqual([
      ['EU Mission to Ukraine', 'eu-mission'],
    ]);
    expect(found('the European Union and the EU Mission to Kyiv')).toEqual([
      ['European Union', 'eu'],
      ['EU', 'eu'],
      ['Kyiv', 'kyiv'],
    ]);
  });

  it('falls back to shorter aliases when the longer one breaks off', () => {
    expect(found('EU Mission to Ukrainians')).toEqual([['EU', 'eu']]);
    expect(found('President Vladimir Putinism, Putin')).toEqual([['Putin', 'putin']]);
  });

  it('prefers the leftmost match over a longer one starting later', () => {
    const m = compileMatcher([
      { aliases: [ci('New York')] },
      { aliases: [ci('York Times Company')] },
    ]);
    expect(m.find('New York Times Company')).toEqual([{ start: 0, end: 8, entity: 0 }]);
  });

  it('folds diacritics both ways and keeps offsets on the original text', () => {
    expect(found('at the Elysee Palace; at the ÉLYSÉE PALACE')).toEqual([
      ['Elysee Palace', 'elysee'],
      ['ÉLYSÉE PALACE', 'elysee'],
    ]);
    expect(found('Kája Kallas and Zelénskyy')).toEqual([
      ['Kája Kallas', 'kallas'],
      ['Zelénskyy', 'zelenskyy'],
    ]);
    const decomposed = 'E\u0301lyse\u0301e Palace';
    expect(found(decomposed)).toEqual([[decomposed, 'elysee']]);
  });

  it('matches a case-sensitive alias only with its own accents, precomposed or decomposed', () => {
    const m = compileMatcher([
      { aliases: [cs('America')] },
      { aliases: [cs('José')] },
      { aliases: [ci('Kyiv')] },
    ]);
    const text = (t: string) => m.find(t).map((hit) => t.slice(hit.start, hit.end));
    // The continent of a Brazilian page is not the United States.
    expect(text('a Copa América e a América do Sul')).toEqual([]);
    expect(text('a Copa Ame\u0301rica')).toEqual([]);
    expect(text('America, and America’s allies')).toEqual(['America', 'America']);
    // An accented case-sensitive alias needs its accent, in either form of it.
    expect(text('José said; Jose said; Jose\u0301 said')).toEqual(['José', 'Jose\u0301']);
    expect(text('JOSÉ')).toEqual([]);
    // Everything else stays alike for it: spaces, apostrophes, invisible characters.
    expect(text('Jo\u00adsé’s')).toEqual(['Jo\u00adsé']);
    // A case-insensitive alias still folds accents.
    expect(text('Kýiv')).toEqual(['Kýiv']);
  });

  it('ignores soft hyphens and zero-width characters inside a name', () => {
    const text = 'Zelen\u00adskyy met Tr\u200bump and Vladimir \u00adPu\u200dtin';
    expect(found(text)).toEqual([
      ['Zelen\u00adskyy', 'zelenskyy'],
      ['Tr\u200bump', 'trump'],
      ['Vladimir \u00adPu\u200dtin', 'putin'],
    ]);
    expect(found('Putin\u00adism')).toEqual([]);
  });

  it('returns the first dictionary entity when two entities share an alias', () => {
    const m = compileMatcher([{ aliases: [ci('Georgia')] }, { aliases: [ci('Georgia')] }]);
    expect(m.find('Georgia')).toEqual([{ start: 0, end: 7, entity: 0 }]);
  });

  it('lets a case-insensitive alias win where a case-sensitive one with the same letters fails', () => {
    const m = compileMatcher([{ aliases: [cs('AP')] }, { aliases: [ci('ap')] }]);
    expect(m.find('AP and Ap')).toEqual([
      { start: 0, end: 2, entity: 0 },
      { start: 7, end: 9, entity: 1 },
    ]);
  });

  it('hides what an exclusion covers: it wins as the longer match and is not reported', () => {
    const dict = [
      {
        id: 'us',
        aliases: [cs('America'), ci('Washington')],
        excludes: [ci('South America'), ci('Bank of America'), ci('Washington Post')],
      },
      {
        id: 'council',
        aliases: [ci('Security Council')],
        excludes: [cs('National Security Council')],
      },
    ];
    const m = compileMatcher(dict);
    const text =
      'America and South America; Bank of America’s chief; the Washington Post in Washington; the National Security Council and the Security Council.';
    expect(found(text, m, dict)).toEqual([
      ['America', 'us'],
      ['Washington', 'us'],
      ['Security Council', 'council'],
    ]);
    // Exclusions follow their own case rule: "national security council" is no exclusion, so the alias is found.
    expect(found('the national security council', m, dict)).toEqual([
      ['security council', 'council'],
    ]);
    expect(found('South America', m, dict)).toEqual([]);
  });

  it('lets any alias win over an exclusion of the same text, whichever entity lists either', () => {
    const dict = [
      { id: 'washington', aliases: [ci('Washington')], excludes: [ci('Washington Post')] },
      { id: 'post', aliases: [ci('Washington Post')] },
      { id: 'times', aliases: [cs('Washington Times')] },
      { id: 'dc', aliases: [ci('D.C.')], excludes: [ci('Washington Times')] },
    ];
    const m = compileMatcher(dict);
    expect(
      found('The Washington Post, the Washington Times, the washington times', m, dict),
    ).toEqual([
      ['Washington Post', 'post'],
      ['Washington Times', 'times'],
      // The case-sensitive alias fails here, so the exclusion wins, and nothing is shown.
    ]);
  });

  it('searches only inside [from, to) but reads word boundaries around it', () => {
    const text = 'Putin met Trump in Alaska';
    expect(matcher.find(text, 6).map((m) => m.entity)).toEqual([12]);
    expect(matcher.find(text, 0, 5)).toEqual([{ start: 0, end: 5, entity: 0 }]);
    expect(matcher.find(text, 0, 4)).toEqual([]);
    expect(matcher.find(text, 1)).toEqual([{ start: 10, end: 15, entity: 12 }]);
  });

  it('handles empty dictionaries, empty aliases and empty text', () => {
    expect(compileMatcher([]).find('Putin')).toEqual([]);
    expect(compileMatcher([{ aliases: [ci(' \u00ad ')] }]).find('Putin')).toEqual([]);
    expect(matcher.find('')).toEqual([]);
  });

  it('finds the same names in a long text as in its parts (no state leaks between calls)', () => {
    const part = 'Putin and Zelenskyy met in Kyiv; the US and EU watched. ';
    const once = matcher.find(part);
    const many = matcher.find(part.repeat(200));
    expect(many).toHaveLength(once.length * 200);
    expect(matcher.find(part)).toEqual(once);
  });

  it('stays correct with 100,000 synthetic entities besides the real ones', () => {
    const syllables = [
      'ka',
      'lo',
      'mir',
      'sen',
      'tar',
      'vo',
      'dra',
      'nik',
      'pol',
      'zu',
      'bek',
      'ran',
    ];
    const synthetic: (MatchEntity & { id: string })[] = [];
    for (let i = 0; i < 100_000; i++) {
      let n = i;
      let first = '';
      let last = '';
      for (let j = 0; j < 3; j++) {
        first += syllables[n % 12];
        n = Math.floor(n / 12);
      }
      for (let j = 0; j < 3; j++) {
        last += syllables[n % 12];
        n = Math.floor(n / 12) + j;
      }
      const name = `${first[0]?.toUpperCase()}${first.slice(1)} ${last[0]?.toUpperCase()}${last.slice(1)}${i}`;
      synthetic.push({ id: `s${i}`, aliases: [ci(name), cs(`S${i}X`)] });
    }
    const dict = [...DICT, ...synthetic];
    const big = compileMatcher(dict);
    const text =
      'Vladimir Putin’s envoy met Zelenskyy in Kyiv; the US and EU watched. ' +
      `${synthetic[54_321]?.aliases[0]?.text} spoke, and s99999x did not, but S99999X did. ` +
      'Kievan history, Putinism.';
    expect(found(text, big, dict)).toEqual([
      ['Vladimir Putin', 'putin'],
      ['Zelenskyy', 'zelenskyy'],
      ['Kyiv', 'kyiv'],
      ['US', 'us'],
      ['EU', 'eu'],
      [synthetic[54_321]?.aliases[0]?.text, 's54321'],
      ['S99999X', 's99999'],
    ]);
    expect(big.stats.entities).toBe(DICT.length + 100_000);
    expect(big.stats.patterns).toBeGreaterThan(200_000);
  }, 60_000);
});
