// Which unlisted speakers the sidebar offers to add: the report's quoted people, and the actor each becomes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorFromName, surname, unlistedSpeakers } from '../../www/src/speakers.js';

test('the actor a name becomes: a person known by the full name and the surname', () => {
  assert.deepEqual(actorFromName(' Jane  Smith '), { name: 'Jane Smith', kind: 'person', aliases: ['Jane Smith', 'Smith'] });
  assert.deepEqual(actorFromName('Martin Luther King Jr.').aliases, ['Martin Luther King Jr.', 'King']);
  assert.deepEqual(actorFromName('Hamas'), { name: 'Hamas', kind: 'person', aliases: ['Hamas'] });
  assert.equal(surname('Ursula von der Leyen'), 'Leyen');
});

test("a report's quoted people are offered, most quoted first, counting every name and pronoun they are quoted by", () => {
  const speaker = (text, person = null, actor = null) => ({ actor, person, text, start: 0, end: 1 });
  const quote = (s, kind = 'statement') => ({ kind, speaker: s, about: [] });
  const report = {
    people: [{ id: 'jane-smith', name: 'Jane Smith', mentions: [] }, { id: 'john-doe', name: 'John Doe', mentions: [] },
      { id: 'ann-lee', name: 'Ann Lee', mentions: [] }],
    quotes: [
      quote(speaker('Jane Smith', 'jane-smith')), quote(speaker('Doe', 'john-doe')), quote(speaker('he', 'john-doe')),
      quote(speaker('a State Department spokeswoman')), quote(speaker('Sadiq', null, 'sadiq')),
      quote(speaker('Ann Lee', 'ann-lee'), 'term'), quote(null),
    ],
  };
  assert.deepEqual(unlistedSpeakers(report), [{ name: 'John Doe', quotes: 2 }, { name: 'Jane Smith', quotes: 1 }]);
});
