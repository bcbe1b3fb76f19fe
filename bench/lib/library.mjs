// A generated library of saved articles, for measuring Backstory at the size PRODUCT.md budgets for (1,000 articles,
// ~20,000 entities, ~100,000 facts): each article is what "Save this article" stores — one source, its entities with
// the article's own ids, facts, quotes, events and relations, each traced to a whole sentence — so the store merges
// and suggests across articles as it does for a reader's. Deterministic: the same options give the same library.
import { random } from './dictionary.mjs';

const FIRST = (
  'Anna Ben Carla David Elena Farid Grace Hugo Irene James Karin Luis Maria Nadia Omar Paula Quentin Rosa Samuel ' +
  'Tara Umar Vera Walter Xenia Yusuf Zara Adam Beatriz Chen Dmitri Eva Felix Giulia Hana Ivan Julia Kofi Lena Marco ' +
  'Nina Oscar Priya Rafael Sofia Tomas Ursula Victor Wen Yara Ahmed Bianca Carlos Daria Emil Fatima Georg Helen Igor ' +
  'Jana Kenji Lucia Mateo Noor Olga Pedro Rania Stefan Teresa Viktor Yuki Amir Clara Diego Emma Frank Hassan Ines Jonas'
).split(' ');
const LAST = (
  'Smith Novak Garcia Kowalski Rossi Muller Dubois Silva Jensen Petrov Kim Tanaka Okafor Haddad Costa Fischer Moreau ' +
  'Santos Nielsen Ivanova Park Sato Mensah Nasser Ferreira Weber Laurent Pereira Larsen Sokolov Lee Suzuki Owusu Khalil ' +
  'Romano Wagner Bernard Almeida Hansen Popov Choi Ito Boateng Saleh Greco Becker Girard Ribeiro Berg Volkov Wang Kato ' +
  'Adeyemi Mansour Ricci Hoffmann Lefebvre Carvalho Lund Orlov Zhang Yamamoto Eze Aziz Marino Schulz Fontaine Gomes ' +
  'Dahl Morozov Liu Nakamura Nwosu Hamdan Bruno Koch Mercier Rocha Holm Lebedev Chen Kobayashi Obi Karim Gallo Richter'
).split(' ');
const TOWN =
  'North South East West New Old Upper Lower Port Lake Fort Glen Mount Green Red Stone'.split(' ');
const TOWN_END = 'ford ton bridge field haven wick dale mouth stead worth by port moor vale'.split(
  ' ',
);
const ORG_END = [
  'Water Authority',
  'Transit Agency',
  'Teachers Union',
  'Chamber of Commerce',
  'Housing Trust',
  'Health Board',
  'Energy Cooperative',
  'Port Authority',
  'Police Department',
  'City Council',
  'Farmers Association',
  'Airport Company',
];
const SITES = [
  ['The Daily Ledger', 'ledger.example'],
  ['Morning Courier', 'courier.example'],
  ['Evening Standard Post', 'standardpost.example'],
  ['Harbour Times', 'harbourtimes.example'],
  ['Valley Herald', 'valleyherald.example'],
  ['National Observer', 'observer.example'],
  ['Metro Wire', 'metrowire.example'],
  ['Coastal Gazette', 'gazette.example'],
];
const VERBS = [
  'announced a review of',
  'questioned the cost of',
  'defended the decision on',
  'called for an inquiry into',
  'welcomed the report on',
  'criticised the delay to',
  'promised new money for',
  'voted against the plan for',
  'met residents to discuss',
  'published figures on',
];
const TOPICS = [
  'the harbour expansion',
  'the new bus routes',
  'school repairs',
  'the flood defences',
  'the water tariffs',
  'the hospital wing',
  'the housing scheme',
  'the airport runway',
  'the budget shortfall',
  'the police reforms',
  'the energy subsidy',
  'the rail link',
];
const SAID = [
  'We will not let this drag on for another year',
  'The numbers simply do not add up',
  'Residents deserve a straight answer',
  'This is the best deal we could get',
  'Nobody was told until it was too late',
  'We have listened and we will act',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Entities that come back across articles, with the traps entity resolution must not fall for: people sharing a
 * surname, one person spelled two ways (transliteration), Washington the city and the government, Georgia the
 * country and the state.
 */
function recurringPool(next, size) {
  const pool = [
    { kind: 'person', name: 'Volodymyr Zelenskyy', short: 'Zelenskyy' },
    { kind: 'person', name: 'Volodymyr Zelensky', short: 'Zelensky' },
    { kind: 'place', name: 'Kyiv' },
    { kind: 'place', name: 'Kiev' },
    { kind: 'place', name: 'Washington' },
    { kind: 'organization', name: 'Washington', caseSensitive: true },
    { kind: 'place', name: 'Georgia' },
    { kind: 'place', name: 'Georgia', caseSensitive: true },
    { kind: 'person', name: 'Muammar Gaddafi', short: 'Gaddafi' },
    { kind: 'person', name: 'Muammar Qaddafi', short: 'Qaddafi' },
  ];
  const names = new Set(pool.map((entity) => entity.name));
  while (pool.length < size) {
    const roll = next();
    let entity;
    if (roll < 0.6) {
      const last = LAST[Math.floor(next() * LAST.length)];
      entity = {
        kind: 'person',
        name: `${FIRST[Math.floor(next() * FIRST.length)]} ${last}`,
        short: last,
      };
    } else if (roll < 0.85) {
      entity = {
        kind: 'organization',
        name: `${town(next)} ${ORG_END[Math.floor(next() * ORG_END.length)]}`,
      };
    } else entity = { kind: 'place', name: town(next) };
    if (names.has(entity.name)) continue;
    names.add(entity.name);
    pool.push(entity);
  }
  return pool;
}

function town(next) {
  return `${TOWN[Math.floor(next() * TOWN.length)]}${TOWN_END[Math.floor(next() * TOWN_END.length)]}`;
}

const pick = (next, list) => list[Math.floor(next() * list.length)];
const slug = (text) =>
  text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

/** Invented names no other article uses: a person (first + last from the lists), an organization or a place. */
function freshNames(next, count, taken) {
  const used = new Set(taken);
  const out = [];
  while (out.length < count) {
    const roll = next();
    let entity;
    if (roll < 0.55) {
      const last = `${pick(next, LAST)}${pick(next, ['', '', 'son', 'er', 'a', 'i', 'ov', 'ez'])}`;
      entity = { kind: 'person', name: `${pick(next, FIRST)} ${last}`, short: last };
    } else if (roll < 0.8) {
      entity = {
        kind: 'organization',
        name: `${town(next)} ${pick(next, ORG_END)} ${out.length % 97}`,
      };
    } else
      entity = {
        kind: 'place',
        name: `${town(next)} ${pick(next, ['Heights', 'Park', 'Quay', 'Green', 'Cross'])} ${out.length % 89}`,
      };
    if (used.has(entity.name)) continue;
    used.add(entity.name);
    out.push(entity);
  }
  return out;
}

/** The day `n` days after 1 January 2025, as YYYY-MM-DD. */
function day(n) {
  return new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10);
}

/**
 * `articles` saved articles, each `{ dataset, mentions }` as Save passes them to the store. Each names
 * `entitiesPerArticle` entities (a quarter of them from a recurring pool of `recurring`, the rest its own) and states
 * `factsPerArticle` facts; five quotes, three events (one undated, one dated by a weekday resolved against the
 * article's date, one by a month) and three relations. Returns the articles and their totals.
 */
export function generateLibrary({
  articles = 1000,
  entitiesPerArticle = 20,
  factsPerArticle = 100,
  recurring = 400,
  seed = 1,
} = {}) {
  const next = random(seed);
  const pool = recurringPool(next, recurring);
  const fresh = freshNames(
    next,
    articles * (entitiesPerArticle - Math.round(entitiesPerArticle / 4)),
    pool.map((entity) => entity.name),
  );
  let freshAt = 0;
  const totals = {
    articles,
    entities: 0,
    facts: 0,
    quotes: 0,
    events: 0,
    relations: 0,
    textChars: 0,
  };
  const out = [];
  for (let a = 0; a < articles; a++) {
    const id = `lib-${a}`;
    const sourceId = `${id}-source`;
    const published = day(Math.floor((a * 365) / articles));
    const [publisher, host] = SITES[a % SITES.length];
    const chosen = new Map();
    const recurringCount = Math.round(entitiesPerArticle / 4);
    while (chosen.size < recurringCount) {
      // Skewed toward the start of the pool: a few names come back in many articles, most in a handful.
      const entity = pool[Math.floor(next() ** 2 * pool.length)];
      chosen.set(entity.name + entity.kind + (entity.caseSensitive ? 'cs' : ''), entity);
    }
    const named = [...chosen.values()];
    while (named.length < entitiesPerArticle) named.push(fresh[freshAt++]);
    const entities = named.map((entity, i) => ({
      id: `${id}-${slug(entity.name)}-${i}`,
      kind: entity.kind,
      name: entity.name,
      aliases: [
        { text: entity.name, caseSensitive: entity.caseSensitive === true },
        ...(entity.short && a % 3 === 0 ? [{ text: entity.short, caseSensitive: false }] : []),
      ],
    }));
    const sentences = [];
    const facts = [];
    const quotes = [];
    const events = [];
    const relations = [];
    const counts = new Map();
    const add = (text) => {
      const start = sentences.reduce((length, s) => length + s.length + 1, 0);
      sentences.push(text);
      return { source: sourceId, start, end: start + text.length };
    };
    const named1 = (i) => {
      const entity = entities[i % entities.length];
      counts.set(entity.id, (counts.get(entity.id) ?? 0) + 1);
      return entity;
    };
    for (let f = 0; f < factsPerArticle; f++) {
      const entity = named1(f);
      const said = `${pick(next, VERBS)} ${pick(next, TOPICS)}`;
      const evidence = add(`${entity.name} ${said}.`);
      facts.push({ id: `${id}-fact-${f}`, entity: entity.id, text: said, evidence });
    }
    for (let q = 0; q < 5; q++) {
      const speaker = named1(q * 3);
      const words = pick(next, SAID);
      const evidence = add(`“${words},” ${speaker.name} said.`);
      quotes.push({ id: `${id}-quote-${q}`, speaker: speaker.id, text: words, evidence });
    }
    const place = entities.find((entity) => entity.kind === 'place') ?? entities[0];
    const weekday = DAYS[Math.floor(next() * DAYS.length)];
    const eventDay = day(Math.max(0, Math.floor((a * 365) / articles) - 2));
    const month = MONTHS[Number(published.slice(5, 7)) - 1];
    const plans = [
      { title: `Public meeting on ${pick(next, TOPICS)}`, when: `on ${weekday}`, date: eventDay },
      { title: `Vote on ${pick(next, TOPICS)}`, when: `in ${month}`, date: published.slice(0, 7) },
      { title: `Protest over ${pick(next, TOPICS)}` },
    ];
    plans.forEach((plan, e) => {
      const who = named1(e + 1);
      const text = plan.when
        ? `${plan.title} was held in ${place.name} ${plan.when}, with ${who.name} attending.`
        : `${plan.title} took place in ${place.name}, with ${who.name} attending.`;
      const evidence = add(text);
      events.push({
        id: `${id}-event-${e}`,
        title: plan.title,
        ...(plan.when ? { when: plan.when.replace(/^(on|in) /, ''), date: plan.date } : {}),
        where: [place.id],
        participants: [who.id],
        figures: [],
        evidence: [evidence],
      });
    });
    for (let r = 0; r < 3; r++) {
      const subject = named1(r + 4);
      const object = named1(r + 9);
      const text = `works with ${object.name}`;
      const evidence = add(`${subject.name} ${text}.`);
      relations.push({
        id: `${id}-relation-${r}`,
        subject: subject.id,
        predicate: 'works-with',
        object: object.id,
        text,
        evidence,
      });
    }
    const text = sentences.join(' ');
    const dataset = {
      schemaVersion: 1,
      id,
      name: `Saved: ${pick(next, TOPICS)} (${a + 1})`,
      sources: [
        {
          id: sourceId,
          title: `${named[0].name} and ${pick(next, TOPICS)}: what happens next (${a + 1})`,
          text,
          publisher,
          published,
          url: `https://${host}/news/${a + 1}`,
        },
      ],
      entities,
      facts,
      quotes,
      events,
      relations,
    };
    totals.entities += entities.length;
    totals.facts += facts.length;
    totals.quotes += quotes.length;
    totals.events += events.length;
    totals.relations += relations.length;
    totals.textChars += text.length;
    out.push({ dataset, mentions: [...counts].map(([entity, count]) => ({ entity, count })) });
  }
  return { articles: out, totals };
}
