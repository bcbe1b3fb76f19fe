// Place names that name two places news writes about, a US state and a country or the capital, with what tells them
// apart on a page: each place's own longer names, and the names of the places and institutions around it.
//
// Only names whose short form news uses for both places are listed. "New York" is not: bare, it is the city nearly
// always, and making the city wait for evidence would leave most of its mentions unmarked for no gain.

/** One of the places a namesake names. */
export interface PlaceSense {
  /** What it is, after the name: "Washington (US state)". */
  readonly label: string;
  /** Longer names only this place has ("Washington state"): a page using one means this place. */
  readonly names: readonly string[];
  /** Places and institutions around it ("Seattle"): a page naming them is likely about it. */
  readonly around: readonly string[];
  /** Words of a knowledge-base description that say an entity is this place. */
  readonly described: RegExp;
}

export interface Namesake {
  /** The short name both places go by. */
  readonly name: string;
  readonly senses: readonly PlaceSense[];
  /**
   * The place an entity of the knowledge base under this name is taken to be when its description says nothing:
   * the one news means by the bare name. Absent: none is usual, and such an entity claims neither place's names.
   */
  readonly usual?: number;
}

export const NAMESAKES: readonly Namesake[] = [
  {
    name: 'Washington',
    // Bare "Washington" in the news is the US government's seat far more often than the state: the bundled
    // dataset's Washington ("Washington approved an $825 million arms package") is that one.
    usual: 0,
    senses: [
      {
        label: 'US capital',
        names: ['Washington, D.C.', 'Washington D.C.', 'Washington DC', 'Washington, DC'],
        around: [
          'White House',
          'Capitol Hill',
          'Pentagon',
          'State Department',
          'Oval Office',
          'Potomac',
          'Congress',
        ],
        described: /\b(capital|federal|government|administration)\b|D\.C\./i,
      },
      {
        label: 'US state',
        names: ['Washington state', 'state of Washington'],
        around: [
          'Seattle',
          'Spokane',
          'Tacoma',
          'Olympia',
          'Yakima',
          'Bellingham',
          'Puget Sound',
          'Oregon',
          'Idaho',
        ],
        described: /\bstate\b/i,
      },
    ],
  },
  {
    name: 'Georgia',
    senses: [
      {
        label: 'country',
        names: ['Republic of Georgia'],
        around: ['Tbilisi', 'Batumi', 'Kutaisi', 'Abkhazia', 'South Ossetia', 'Caucasus'],
        described: /\b(country|Caucasus|republic|nation)\b/i,
      },
      {
        label: 'US state',
        names: ['state of Georgia'],
        around: ['Atlanta', 'Savannah', 'Macon', 'Fulton County'],
        described: /\bstate\b/i,
      },
    ],
  },
];
