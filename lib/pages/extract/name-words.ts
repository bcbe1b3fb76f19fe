// The words news writing puts around and inside names: titles, honorifics, organization and place heads, name particles.
//
// All lowercase; callers lowercase the token and drop a final dot ("Gen." → "gen").

function set(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/).filter((word) => word !== ''));
}

/** Words that make a title on their own and end a role before a name ("President", "Chancellor", "Sen."). */
export const TITLE_HEADS = set(`
  president president-elect vice-president chancellor minister secretary secretary-general
  senator sen representative rep congressman congresswoman congressmember governor gov mayor
  general gen lieutenant lt colonel col major maj captain capt sergeant sgt admiral adm commander
  cmdr brigadier corporal cpl private pvt marshal king queen prince princess emperor empress pope
  archbishop bishop cardinal reverend rev rabbi imam sheikh ayatollah emir sultan judge justice
  ambassador envoy commissioner director chairman chairwoman chairperson chair ceo cfo coo cto
  spokesman spokeswoman spokesperson speaker leader premier dr prof professor detective det
  officer sheriff inspector superintendent supt constable councillor councilman councilwoman
  alderman delegate lawmaker mp mep coach founder co-founder dean provost treasurer attorney
  comptroller whip chief-executive editor correspondent analyst economist adviser advisor
  counsel counselor czar tsar minister-president chief solicitor
`);

/**
 * True for a title head, hyphenated ones included: "Attorney-General", "Governor-General",
 * "Lieutenant-Colonel" (each part a title word, one of them a head).
 */
export function isTitleHead(key: string): boolean {
  if (TITLE_HEADS.has(key)) return true;
  const parts = key.split('-');
  return (
    parts.length > 1 &&
    parts.some((part) => TITLE_HEADS.has(part)) &&
    parts.every((part) => TITLE_HEADS.has(part) || TITLE_MODIFIERS.has(part) || part === 'elect')
  );
}

/** Words that qualify a title without being one ("Prime", "Foreign", "Deputy"): part of the role only before a head. */
export const TITLE_MODIFIERS = set(`
  prime vice deputy acting former interim foreign defense defence finance interior home health
  justice trade energy education labor labour environment transport treasury state attorney
  chief supreme crown first executive assistant senior junior principal associate managing
  general national regional local federal minority majority house senate opposition party
  press security intelligence military army naval navy air force special top lead police
  fire
`);

/** Forms of address: they mark a person (and a gender) but are not a role. */
export const HONORIFICS: ReadonlyMap<string, 'male' | 'female' | undefined> = new Map([
  ['mr', 'male'],
  ['mrs', 'female'],
  ['ms', 'female'],
  ['miss', 'female'],
  ['mx', undefined],
  ['sir', 'male'],
  ['dame', 'female'],
  ['lord', 'male'],
  ['lady', 'female'],
  ['dr', undefined],
  ['prof', undefined],
]);

/** Titles that say the holder's gender, for resolving "he"/"she". */
export const GENDERED_TITLES: ReadonlyMap<string, 'male' | 'female'> = new Map([
  ['king', 'male'],
  ['prince', 'male'],
  ['emperor', 'male'],
  ['sultan', 'male'],
  ['sheikh', 'male'],
  ['congressman', 'male'],
  ['councilman', 'male'],
  ['chairman', 'male'],
  ['spokesman', 'male'],
  ['queen', 'female'],
  ['princess', 'female'],
  ['empress', 'female'],
  ['congresswoman', 'female'],
  ['councilwoman', 'female'],
  ['chairwoman', 'female'],
  ['spokeswoman', 'female'],
]);

/** Lowercase nouns naming a person's job; before a name ("press secretary Karoline Leavitt") they end a role. */
export const ROLE_NOUNS = set(`
  president chancellor minister secretary senator representative congressman congresswoman
  governor mayor general colonel captain sergeant admiral commander king queen prince princess pope
  bishop judge justice ambassador envoy diplomat commissioner director chairman chairwoman chair
  spokesman spokeswoman spokesperson speaker leader premier professor detective officer official
  sheriff inspector lawmaker legislator founder co-founder coach dean executive chief analyst
  economist adviser advisor counsel editor correspondent reporter journalist columnist writer
  author researcher scientist historian expert lawyer attorney prosecutor activist campaigner
  organizer organiser manager president-elect head deputy aide strategist consultant negotiator
  commentator host presenter anchor producer actor actress singer player striker goalkeeper
  captain owner ceo chairperson fellow student teacher doctor nurse surgeon pilot soldier
  commander-in-chief resident survivor witness mother father son daughter wife husband brother
  sister widow
`);

/** Last words that make a name an organization ("Harvard University", "Apple Inc"). */
export const ORG_TAILS = set(`
  inc incorporated ltd limited llc plc corp corporation co company companies group holdings
  ministry ministries department council university college school academy institute institution
  party parliament assembly congress senate commission committee subcommittee agency agencies
  authority bureau office board court tribunal bank fund foundation trust association society
  union federation league alliance coalition club team organization organisation network
  corps army navy force forces guard police service services administration government cabinet
  directorate secretariat center centre hospital clinic museum library church mosque
  press news times post herald tribune journal gazette telegraph chronicle observer guardian
  magazine media broadcasting radio television tv airlines airways motors industries
  technologies systems labs laboratories studios records entertainment brands group partners
  capital securities insurance energy petroleum oil railways railway council movement front
  brigade brigades battalion regiment division command caucus cartel consortium commission
  exchange reserve treasury fed project initiative collective cooperative charity institute
  marines coastguard constabulary ministerie software networks games pictures films publishing
  pharma ventures solutions consulting logistics telecom communications foods
`);

/** First words that make a name an organization when "of"/"for"/"on" follows ("Ministry of Defence", "Bank of America"). */
export const ORG_LEADS = set(`
  ministry department university college school academy institute bank council court office
  board bureau commission committee agency church house federation union league association
  society organization organisation party center centre fund foundation museum chamber order
  secretariat army navy embassy consulate
`);

/** Last words that make a name a place ("Darnytsia district", "Mount Everest" via PLACE_LEADS). */
export const PLACE_TAILS = set(`
  district region province oblast county state city town village borough municipality prefecture
  territory territories republic kingdom island islands isle peninsula coast valley river lake sea
  ocean bay gulf strait straits mountains mountain hills desert canyon plateau basin delta
  street avenue road square boulevard bridge airport port harbour harbor station park forest
  refinery plant base camp dam reservoir neighborhood neighbourhood quarter highway
`);

/** First words that make a name a place ("Mount Kenya", "Lake Chad", "Gulf of Aden"). */
export const PLACE_LEADS = set(`
  mount mt lake gulf cape fort isle port bay strait sea republic kingdom province state city
  county st saint san santa
`);

/** Lowercase words that join the parts of an organization's name after an ORG_LEADS/ORG_TAILS word. */
export const ORG_JOINERS = set('of for on');

/** Lowercase particles inside personal names ("Osama bin Laden", "Ursula von der Leyen"). */
export const NAME_PARTICLES = set(
  'bin ibn al el de da di del della dos das du van von der den ter ten le la y',
);

/** Lowercase nouns that, right after a name, say what it names ("the Islamic State group", "Obama administration"). */
export const ORG_NOUNS_AFTER = set(`
  group groups militia militias party movement company companies organization organisation
  agency network administration government regime campaign coalition alliance firm startup
  cartel gang faction employees workers staff shares stock executives magazine newspaper
  website foundation board worker employee writers reporters journalists editors
`);

/** Verbs done to companies and bodies, right before their name: "joined Acme", "founded Nordwind". */
export const ORG_VERBS = set(
  'joined founded co-founded acquired acquire acquiring owns bought buys acquires',
);
export const PLACE_NOUNS_AFTER = set(`
  district districts region regions province provinces oblast county city town village area
  refinery refineries airport port base bases border neighborhood neighbourhood state
`);

/** Words never a name on their own, wherever they stand (pronouns, weekdays, months, titles of address). */
export const NEVER_NAMES = set(`
  i i'm i've i'd i'll he she it we they you me him her us them his hers its our their your
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
  today yesterday tomorrow tonight christmas easter ramadan eid thanksgiving hanukkah
  god lord allah internet web online covid covid-19 coronavirus
  am pm a.m p.m ok okay yes no
  ceo cfo coo cto gdp ngo ngos tv ai it hiv aids dna pr hr iq id phd vip faq pdf url usb gps suv
  cctv ufo mph km ad bc
`);

/** Words that, capitalised at the start of a sentence, are ordinary words, not names. */
export const ORDINARY_STARTERS = set(`
  a an the this that these those there here it its he she they we i you his her their our my
  your who whom whose what when where why how which whatever whoever some many most more much
  all both each every either neither no not none one two three four five six seven eight nine
  ten but and or nor if so yet still also however meanwhile moreover furthermore nevertheless
  then thus hence instead otherwise though although because since while whereas unless until
  after before during despite among amid amidst against between within without through across
  behind beyond near under over about above below around along according following including
  in on at by for from to of into onto upon with like unlike as than just only even already
  perhaps maybe ironically unfortunately fortunately indeed rather quite almost nearly once
  twice later earlier now today yesterday tomorrow recently finally eventually ultimately
  initially overall altogether together last next first second third another other such
  asked told said says added noted
`);

/** Prepositions before a place, with how much they say: "in Darfur" almost always names one, "at Harvard" often an organization. */
export const PLACE_CUES: ReadonlyMap<string, number> = new Map([
  ['in', 3],
  ['near', 3],
  ['outside', 2],
  ['across', 2],
  ['throughout', 2],
  ['inside', 2],
  ['at', 1],
  ['from', 1],
  ['to', 1],
  ['into', 1],
  ['toward', 1],
  ['towards', 1],
  ['around', 1],
  ['via', 1],
]);

/** Words before "of" that make what follows a place: "the city of …", "north of …". */
export const PLACE_OF = new Set([
  'city',
  'town',
  'village',
  'region',
  'province',
  'state',
  'capital',
  'island',
  'port',
  'outskirts',
  'suburbs',
  'north',
  'south',
  'east',
  'west',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
  'north-east',
  'north-west',
  'south-east',
  'south-west',
  'centre',
  'center',
  'heart',
  'streets',
  'residents',
  'people',
  'mayor',
  'governor',
]);

/** Lowercase nouns after "X’s" that a company or body has, not a person: "Amazon’s chief executive". */
export const ORG_POSSESSIONS = new Set([
  'shares',
  'stock',
  'headquarters',
  'employees',
  'workforce',
  'board',
  'ceo',
  'founder',
  'founders',
  'subsidiary',
  'subsidiaries',
  'customers',
  'revenue',
  'revenues',
  'profits',
  'profit',
  'earnings',
  'stores',
  'website',
  'platform',
  'products',
  'brand',
  'shareholders',
  'investors',
]);

/** Lowercase nouns after a name that make it an organization: "a Pentagon spokesman". */
export const ORG_SPOKES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople']);
