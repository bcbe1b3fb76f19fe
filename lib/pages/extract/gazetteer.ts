// Names a news reader knows without being told what they are: countries, capitals, US states, regions, big international bodies.
//
// General knowledge written once as data, so "Khartoum" or "South Carolina" is a place even when
// nothing in the sentence says so. Keys are lowercase; lookups go through `gazetteerKind`.
import type { EntityKind } from './types';

const COUNTRIES = `afghanistan, albania, algeria, andorra, angola, antigua and barbuda, argentina, armenia,
australia, austria, azerbaijan, bahamas, bahrain, bangladesh, barbados, belarus, belgium,
belize, benin, bhutan, bolivia, bosnia and herzegovina, bosnia herzegovina, botswana, brazil,
brunei, bulgaria, burkina faso, burundi, cambodia, cameroon, canada, cape verde,
central african republic, chad, chile, china, colombia, comoros, congo,
democratic republic of the congo, republic of the congo, costa rica, croatia, cuba, cyprus,
czech republic, czechia, denmark, djibouti, dominica, dominican republic, east timor,
timor-leste, ecuador, egypt, el salvador, equatorial guinea, eritrea, estonia, eswatini,
swaziland, ethiopia, fiji, finland, france, gabon, gambia, georgia, germany, ghana, greece,
grenada, guatemala, guinea, guinea-bissau, guyana, haiti, honduras, hungary, iceland, india,
indonesia, iran, iraq, ireland, israel, italy, ivory coast, jamaica, japan, jordan, kazakhstan,
kenya, kiribati, kosovo, kuwait, kyrgyzstan, laos, latvia, lebanon, lesotho, liberia, libya,
liechtenstein, lithuania, luxembourg, madagascar, malawi, malaysia, maldives, mali, malta,
marshall islands, mauritania, mauritius, mexico, micronesia, moldova, monaco, mongolia,
montenegro, morocco, mozambique, myanmar, burma, namibia, nauru, nepal, netherlands,
the netherlands, new zealand, nicaragua, niger, nigeria, north korea, north macedonia,
macedonia, norway, oman, pakistan, palau, palestine, panama, papua new guinea, paraguay, peru,
philippines, poland, portugal, qatar, romania, russia, russian federation, rwanda, saint lucia,
samoa, san marino, saudi arabia, senegal, serbia, seychelles, sierra leone, singapore,
slovakia, slovenia, solomon islands, somalia, south africa, south korea, south sudan, spain,
sri lanka, sudan, suriname, sweden, switzerland, syria, taiwan, tajikistan, tanzania, thailand,
togo, tonga, trinidad and tobago, tunisia, turkey, turkiye, turkmenistan, tuvalu, uganda,
ukraine, united arab emirates, uae, united kingdom, uk, u.k., britain, great britain, england,
scotland, wales, northern ireland, united states, us, u.s., usa, u.s.a., america,
united states of america, uruguay, uzbekistan, vanuatu, vatican, vatican city, venezuela,
vietnam, yemen, zambia, zimbabwe, gaza, west bank, greenland, puerto rico, hong kong, macau,
crimea, donbas, tibet`;

const CAPITALS_AND_CITIES = `kabul, tirana, algiers, luanda, buenos aires, yerevan, canberra, vienna, baku, manama, dhaka,
minsk, brussels, sarajevo, brasilia, sofia, phnom penh, ottawa, santiago, beijing, bogota,
kinshasa, zagreb, havana, nicosia, prague, copenhagen, cairo, tallinn, addis ababa, helsinki,
paris, tbilisi, berlin, accra, athens, guatemala city, budapest, reykjavik, new delhi, delhi,
jakarta, tehran, baghdad, dublin, jerusalem, tel aviv, rome, kingston, tokyo, amman, astana,
nairobi, pristina, kuwait city, bishkek, vientiane, riga, beirut, tripoli, vilnius,
antananarivo, kuala lumpur, bamako, valletta, mexico city, chisinau, ulaanbaatar, podgorica,
rabat, maputo, naypyidaw, windhoek, kathmandu, amsterdam, the hague, wellington, managua,
niamey, abuja, lagos, pyongyang, skopje, oslo, muscat, islamabad, karachi, lahore, panama city,
asuncion, lima, manila, warsaw, lisbon, doha, bucharest, moscow, kigali, riyadh, jeddah, dakar,
belgrade, freetown, singapore, bratislava, ljubljana, mogadishu, pretoria, johannesburg,
cape town, seoul, juba, madrid, barcelona, colombo, khartoum, stockholm, bern, geneva, zurich,
damascus, aleppo, taipei, dushanbe, dodoma, dar es salaam, bangkok, lome, tunis, ankara,
istanbul, ashgabat, kampala, kyiv, kiev, kharkiv, odesa, odessa, lviv, dnipro, mariupol,
zaporizhzhia, kherson, donetsk, luhansk, bakhmut, abu dhabi, dubai, london, manchester,
birmingham, liverpool, glasgow, edinburgh, cardiff, belfast, washington, montevideo, tashkent,
caracas, hanoi, ho chi minh city, sanaa, lusaka, harare, new york, new york city, los angeles,
chicago, houston, phoenix, philadelphia, san antonio, san diego, dallas, san francisco,
seattle, boston, atlanta, miami, detroit, denver, las vegas, new orleans, baltimore,
pittsburgh, minneapolis, st. louis, portland, nashville, austin, cleveland, toronto, montreal,
vancouver, sydney, melbourne, mumbai, bangalore, kolkata, chennai, shanghai, hong kong,
shenzhen, guangzhou, osaka, st. petersburg, saint petersburg, munich, hamburg, frankfurt,
milan, naples, marseille, lyon, sao paulo, rio de janeiro, gaza city, ramallah, mecca, medina,
mosul, basra, benghazi, kandahar`;

const US_STATES = `alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware, florida,
georgia, hawaii, idaho, illinois, indiana, iowa, kansas, kentucky, louisiana, maine, maryland,
massachusetts, michigan, minnesota, mississippi, missouri, montana, nebraska, nevada,
new hampshire, new jersey, new mexico, north carolina, north dakota, ohio, oklahoma, oregon,
pennsylvania, rhode island, south carolina, south dakota, tennessee, texas, utah, vermont,
virginia, washington state, west virginia, wisconsin, wyoming, district of columbia`;

const REGIONS = `africa, europe, asia, north america, south america, latin america, central america, antarctica,
oceania, australasia, middle east, the middle east, near east, far east, east asia,
southeast asia, south asia, central asia, eastern europe, western europe, balkans, the balkans,
caribbean, the caribbean, scandinavia, sahel, sahara, horn of africa, east africa, west africa,
north africa, southern africa, sub-saharan africa, arctic, siberia, kashmir, kurdistan,
catalonia, bavaria, silicon valley, persian gulf, gulf of mexico, black sea, red sea,
mediterranean, baltic sea, south china sea, pacific, atlantic, indian ocean, pacific ocean,
atlantic ocean, english channel`;

/** Bodies known by name the world over; not a directory, just what news mentions without explanation. */
const ORGANIZATIONS = `united nations, un, u.n., nato, european union, eu, e.u., african union,
world health organization, who, world bank, international monetary fund, imf,
world trade organization, wto, opec, interpol, red cross,
international committee of the red cross, amnesty international, human rights watch,
greenpeace, unicef, unesco, unhcr, g7, g20, asean, arab league, international criminal court,
international court of justice, european commission, european parliament, security council,
un security council, congress, senate, parliament, pentagon, kremlin, white house,
state department, supreme court, federal reserve, fbi, cia, nsa, bbc, cnn, reuters,
associated press, hamas, hezbollah, taliban, al-qaeda, al qaeda, islamic state, isis, isil,
google, apple, microsoft, amazon, facebook, meta, twitter, tesla, labour, labour party,
conservative party, liberal democrats, lib dems, snp, democratic party, republican party, gop, ukip, bundestag,
knesset, duma, kremlin, élysée, elysee`;

/** Nationality, regional, religious and party words: they describe, they do not name ("Russian", "Ukrainians", "Democrats"). */
const DEMONYMS = `afghan, afghans, african, africans, albanian, algerian, american, americans, andorran, angolan,
arab, arabian, arabs, argentine, argentinian, armenian, asian, asians, australian, australians,
austrian, azerbaijani, bahamian, bahraini, bangladeshi, barbadian, belarusian, belgian,
belizean, beninese, bhutanese, bolivian, bosnian, botswanan, brazilian, british, britons,
brits, bruneian, buddhist, buddhists, bulgarian, burkinabe, burmese, burundian, cambodian,
cameroonian, canadian, canadians, catholic, catholics, chadian, chechen, chilean, chinese,
christian, christians, colombian, congolese, conservative, conservatives, costa rican, crimean,
croatian, cuban, cypriot, czech, danish, democrat, democratic, democrats, djiboutian,
dominican, dutch, eastern, ecuadorian, egyptian, egyptians, emirati, english, eritrean,
estonian, ethiopian, european, europeans, fijian, filipino, finnish, french, gabonese, gambian,
gazan, georgian, german, germans, ghanaian, greek, greeks, grenadian, guatemalan, guinean,
guyanese, haitian, hindu, hindus, hispanic, honduran, hungarian, icelandic, indian, indians,
indonesian, iranian, iranians, iraqi, iraqis, irish, islamic, islamist, israeli, israelis,
italian, italians, ivorian, jamaican, japanese, jewish, jews, jordanian, jordanians, kazakh,
kenyan, kenyans, korean, koreans, kosovar, kurd, kurdish, kurds, kuwaiti, kyrgyz,, lao,
laotian, latin, latino, latvian, lebanese, liberal, liberals, liberian, libyan, libyans,
lithuanian, luxembourgish, malagasy, malawian, malaysian, maldivian, malian, maltese,
mauritanian, mauritian, mexican, mexicans, moldovan, monegasque, mongolian, montenegrin,
moroccan, mozambican, muslim, muslims, namibian, nepalese, nepali, nicaraguan, nigerian,
nigerians, nigerien, north korean, northern, norwegian, omani, orthodox, pakistani, pakistanis,
palestinian, palestinians, panamanian, paraguayan, peruvian, poles, polish, portuguese,
protestant, qatari, republican, republicans, romanian, russian, russians, rwandan, salvadoran,
samoan, saudi, saudis, scottish, senegalese, serbian, shia, shiite, shiites, sierra leonean,
singaporean, slovak, slovenian, somali, south african, south korean, south sudanese, southern,
soviet, spaniards, spanish, sri lankan, sudanese, sunni, sunnis, surinamese, swedish, swiss,
syrian, syrians, taiwanese, tajik, tanzanian, thai, togolese, tongan, tories, tory,
trinidadian, tunisian, turkish, turkmen, turks, ugandan, ukrainian, ukrainians, uruguayan,
uzbek, venezuelan, vietnamese, welsh, western, yemeni, yemenis, zambian, zimbabwean`;

function listOf(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.replace(/\s+/g, ' ').trim())
    .filter((name) => name !== '');
}

const KIND = new Map<string, EntityKind>();
for (const list of [COUNTRIES, CAPITALS_AND_CITIES, US_STATES, REGIONS])
  for (const name of listOf(list)) KIND.set(name, 'place');
for (const name of listOf(ORGANIZATIONS)) KIND.set(name, 'organization');

/** Countries of the list, for "Germany's" and "British" style role prefixes and figures of speech. */
export const COUNTRY_NAMES: ReadonlySet<string> = new Set(listOf(COUNTRIES));

/** Keys written as acronyms: only their capitals name something ("US", not "us"; "WHO", not "who"). */
const ACRONYM_KEYS = new Set(
  [...KIND.keys()].filter((key) => /^[a-z.]{1,4}$/.test(key) && key.replace(/\./g, '').length <= 3),
);

/**
 * What the gazetteer says `name` is, or undefined. Case-insensitive, except that
 * keys ("us", "who", "un") match only all-caps writing: "US" is the country, "us" a pronoun.
 */
export function gazetteerKind(name: string): EntityKind | undefined {
  const key = name.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ');
  const kind = KIND.get(key);
  if (kind === undefined) return undefined;
  if (ACRONYM_KEYS.has(key) && name !== name.toUpperCase()) return undefined;
  return kind;
}

const DEMONYM_SET = new Set(listOf(DEMONYMS));

/** True for a nationality, regional, religious or party word ("British", "Ukrainians", "Sunni", "Democrats"). */
export function isDemonymWord(word: string): boolean {
  return DEMONYM_SET.has(word.toLowerCase());
}
