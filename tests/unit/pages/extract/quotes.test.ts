// Direct quotes and their speakers as a reader would attribute them; blank when the article leaves it open.
// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { articlePage, draftOf, quotesOf } from './helpers';

describe('quotes', () => {
  it('attributes quotes in both orders: “…,” said X / “…,” X said / X said: “…”', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          '“This is inhuman — striking civilians,” said Oleksandr Khilko, who rushed to help the rescuers.',
          '“Every time the sirens sound, I am afraid,” Khilko said.',
          'Germany’s Chancellor Friedrich Merz declared bluntly: “It is clear that a meeting will not take place.”',
          '“Perhaps both sides are not ready to end this war,” said White House press secretary Karoline Leavitt.',
        ]),
      ),
    );
    expect(quotes).toEqual([
      { text: 'This is inhuman — striking civilians', speaker: 'Oleksandr Khilko' },
      { text: 'Every time the sirens sound, I am afraid', speaker: 'Oleksandr Khilko' },
      { text: 'It is clear that a meeting will not take place.', speaker: 'Friedrich Merz' },
      { text: 'Perhaps both sides are not ready to end this war', speaker: 'Karoline Leavitt' },
    ]);
  });

  it('keeps a quotation over several paragraphs together, attributed where it ends', () => {
    const draft = draftOf(
      articlePage([
        'The mayor, Vitali Klitschko, spoke to reporters outside the damaged building on Friday morning.',
        '“We will rebuild every school and every hospital that was hit. It will take years, but we will do it.',
        '“Nobody here is going to give up,” Klitschko said.',
      ]),
    );
    expect(quotesOf(draft)).toEqual([
      {
        text: 'We will rebuild every school and every hospital that was hit. It will take years, but we will do it. Nobody here is going to give up',
        speaker: 'Vitali Klitschko',
      },
    ]);
    expect(draft.quotes[0]?.parts).toHaveLength(2);
  });

  it('resolves "he" and "she" to the one person of that gender named before in the paragraph', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          'Residents like Sophia Akylina, 21, described how the missile shook her apartment. “Negotiations haven’t yielded anything yet,” she said.',
          'Mr. Tom Harris, who lives next door, was asleep when the blast came. “I thought the roof was falling in on us,” he said.',
        ]),
      ),
    );
    expect(quotes).toEqual([
      { text: 'Negotiations haven’t yielded anything yet', speaker: 'Sophia Akylina' },
      { text: 'I thought the roof was falling in on us', speaker: 'Tom Harris' },
    ]);
  });

  it('leaves the speaker blank when the pronoun could be either of two people', () => {
    const draft = draftOf(
      articlePage([
        'John Smith met Peter Brown in London on Monday to discuss the merger of their two companies.',
        '“We have agreed on almost everything that matters,” he said after the meeting.',
      ]),
    );
    expect(quotesOf(draft)).toEqual([
      { text: 'We have agreed on almost everything that matters', speaker: null },
    ]);
    expect(draft.quotes[0]?.attribution).toMatchObject({
      status: 'blank',
      reason: 'ambiguous-pronoun',
    });
  });

  it('leaves groups blank and resolves "the ministry" to the one ministry named', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          'The Russian Defense Ministry said it hit military air bases and weapons factories overnight.',
          '“All designated objects were hit,” the ministry said.',
          '“The situation is under control in every district,” officials said.',
        ]),
      ),
    );
    expect(quotes).toEqual([
      { text: 'All designated objects were hit', speaker: 'Russian Defense Ministry' },
      { text: 'The situation is under control in every district', speaker: null },
    ]);
  });

  it('skips scare quotes, short terms and titles, and keeps a partial quote of four words', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          'Keir Starmer called the strikes “senseless” and said the building was “severely damaged.”',
          'His favourite book remains “The Art of the Deal” by a former property developer.',
          'Eric Reeves said the government had made a “deal with the devil.”',
        ]),
      ),
    );
    expect(quotes).toEqual([{ text: 'deal with the devil.', speaker: 'Eric Reeves' }]);
  });

  it('gives a quote that stands alone after an attributed one to the same speaker', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          '“There is no reason to believe they have changed,” said Eric Reeves, a senior fellow at Harvard University. “These guys are the worst of the worst.”',
          '“Nothing they have done so far suggests otherwise,” he added.',
        ]),
      ),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Eric Reeves', 'Eric Reeves', 'Eric Reeves']);
  });

  it('finds the speaker named after a role, never the owner of a possessive, and no one of two', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          'Senator Mark Warner spoke first, and Senator Tim Kaine spoke after him at the hearing on Monday.',
          '“We have nothing further to add at this stage,” said a spokeswoman, Jane Porter.',
          '“The senator will comment when the report is out,” said Warner’s spokeswoman.',
          '“We both support the bill as it stands today,” Warner and Kaine said in a joint statement.',
        ]),
      ),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Jane Porter', null, null]);
  });

  it('leaves out titles and terms in quotation marks that nobody is said to have said', () => {
    const draft = draftOf(
      articlePage([
        'The agency published a report titled “Children in the time of the war” on Monday.',
        'The plan was seen as a return to “the rule of the strongest state” in the region.',
        'Critics called it “a gift to the landlords of the country” on Monday.',
        'Nobody spoke after the vote. “You think you got me?” the look on his face seemed to ask.',
        '“Power concedes nothing without a demand.” — Frederick Douglass',
      ]),
    );
    expect(quotesOf(draft)).toEqual([
      { text: 'a gift to the landlords of the country', speaker: null },
      { text: 'You think you got me?', speaker: null },
      { text: 'Power concedes nothing without a demand.', speaker: 'Frederick Douglass' },
    ]);
    expect(draft.omitted.some((o) => o.what === 'quote' && /term or a title/.test(o.reason))).toBe(
      true,
    );
  });

  it('attributes a quote after a colon to the one person named before it', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          'Mr Obama on race relations in America: “There are going to be tensions that arise.”',
        ]),
      ),
    );
    expect(quotes).toEqual([
      { text: 'There are going to be tensions that arise.', speaker: 'Obama' },
    ]);
  });

  it('joins a quotation interrupted by its attribution into one quote', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage(['“I think,” said Maria Lopez, “that we will win the vote in the end.”']),
      ),
    );
    expect(quotes).toEqual([
      { text: 'I think that we will win the vote in the end.', speaker: 'Maria Lopez' },
    ]);
  });
});
