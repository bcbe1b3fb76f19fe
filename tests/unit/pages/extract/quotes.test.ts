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

  it('reads a name with a middle initial as one speaker, though the sentence splitter ends a sentence after the initial', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          '“Deficits matter more than ever,” said William G. Harlow, a senior fellow at the Dunmore Institute. “Everything else is getting squeezed.”',
        ]),
      ),
    );
    expect(quotes).toEqual([
      { text: 'Deficits matter more than ever', speaker: 'William G. Harlow' },
      { text: 'Everything else is getting squeezed.', speaker: 'William G. Harlow' },
    ]);
  });

  it('takes a speaker with little other evidence as the antecedent of a later "she" once a quote is hers', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          '“The drug was in her system and there was nothing anyone could do,” her mother, Marta, said in a statement.',
          'She added: “They never stood a chance of saving her.”',
        ]),
      ),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Marta', 'Marta']);
  });

  it('does not let a name with little evidence interrupt a speaker: “…,” X told reporters aboard Air Force One. “…”', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          '“We are deeply concerned about the rhetoric,” press secretary Dana Reyes told reporters aboard Air Force One. “It undermines the values we share.”',
        ]),
      ),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Dana Reyes', 'Dana Reyes']);
  });

  it('resolves "it" to the subject of the paragraph before when that paragraph names two organizations', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          'The Consumer Safety Agency warned shoppers about heaters sold online by Brightline Heating Ltd.',
          '“We advise the public not to use these heaters at home,” it said in a statement.',
        ]),
      ),
    );
    expect(quotes).toEqual([
      {
        text: 'We advise the public not to use these heaters at home',
        speaker: 'Consumer Safety Agency',
      },
    ]);
  });

  it('gives a quote standing alone after a sentence about one person to that person, and leaves it blank after a sentence about two', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          'Charles Whitcombe, chairman of the Council of Economic Advisers, once summed up the danger with a metaphor. “It is not the wolf at the door, but termites in the woodwork.”',
          'Anna Pryce met Tom Keller in Geneva on Tuesday. “The talks went on late into the night.”',
        ]),
      ),
    );
    expect(quotes).toEqual([
      {
        text: 'It is not the wolf at the door, but termites in the woodwork.',
        speaker: 'Charles Whitcombe',
      },
      { text: 'The talks went on late into the night.', speaker: null },
    ]);
  });

  it('gives a quotation quoted again later the speaker of the first', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          'During the storm, Google posted this announcement: “We are all concerned. Prices have increased to encourage more drivers to come online.”',
          'The announcement was widely shared and widely criticised by customers over the following days.',
          '“Prices have increased to encourage more drivers to come online.”',
        ]),
      ),
    );
    expect(quotes.map((q) => q.speaker)).toEqual(['Google', 'Google']);
  });

  it('reads "reported", "states", "reads" and "pointed out" as attributions, a capitalised "States" not', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          'The unrest spread quickly, “igniting,” as Reuters reported, “fears of an attack in the heart of the city.”',
          'The statement from the Red Cross reads, “Our teams are on the ground and working through the night.”',
          'Professor Ellen Marsh wrote a long reply. Marsh states, “Nobody has shown that the policy works at all.”',
          'As the Joint Committee on Intelligence and Security has pointed out, the data would be used “for the purpose of determining the identity of a source”.',
        ]),
      ),
    );
    expect(quotes).toEqual([
      { text: 'igniting fears of an attack in the heart of the city.', speaker: 'Reuters' },
      { text: 'Our teams are on the ground and working through the night.', speaker: 'Red Cross' },
      { text: 'Nobody has shown that the policy works at all.', speaker: 'Ellen Marsh' },
      {
        text: 'for the purpose of determining the identity of a source',
        speaker: 'Joint Committee on Intelligence and Security',
      },
    ]);
  });

  it('does not take a name that only qualifies a noun for the speaker: “a Facebook page”, “a Johnson supporter”', () => {
    const quotes = quotesOf(
      draftOf(
        articlePage([
          'Boris Johnson spoke to a crowd in Leeds on Monday evening.',
          'On one Facebook page an anonymous poster wrote that the photo was “rude, tacky and against the flag code.”',
          '“We will never stop loving him,” a Johnson supporter said.',
        ]),
      ),
    );
    expect(quotes.map((q) => q.speaker)).toEqual([null, null]);
  });
});
