// Which unlisted speakers the sidebar offers to add: proper names only, and the actor each becomes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorFromName, isProperName, surname, unlistedSpeakers } from '../../www/src/speakers.js';

test('proper names are offered, descriptions and lone surnames are not', () => {
  for (const name of ['Jane Smith', 'Muhammad Sadiq', 'Ursula von der Leyen', 'Abu Bakr al-Baghdadi', "Conan O'Brien", 'Élise Lucet', 'Martin Luther King Jr.']) {
    assert.ok(isProperName(name), name);
  }
  for (const text of ['a State Department spokeswoman', 'The Foreign Ministry', 'Smith', 'the envoy', 'Her Spokesman Said',
    'State Department officials', 'de Gaulle', 'Jane Smith and others', 'Agent 47 Smith', 'One Senior Official', 'A B C D E F G']) {
    assert.ok(!isProperName(text), text);
  }
});

test('the actor a name becomes: a person known by the full name and the surname', () => {
  assert.deepEqual(actorFromName(' Jane  Smith '), { name: 'Jane Smith', kind: 'person', aliases: ['Jane Smith', 'Smith'] });
  assert.deepEqual(actorFromName('Martin Luther King Jr.').aliases, ['Martin Luther King Jr.', 'King']);
  assert.deepEqual(actorFromName('Hamas'), { name: 'Hamas', kind: 'person', aliases: ['Hamas'] });
  assert.equal(surname('Ursula von der Leyen'), 'Leyen');
});

test('a report yields its unlisted named speakers, most quoted first, without pronouns or listed actors', () => {
  const speaker = (text, actor = null, refersTo = null) => ({ actor, text, start: 0, end: 1, refers_to: refersTo });
  const quote = (s, kind = 'statement') => ({ kind, speaker: s });
  const report = {
    quotes: [
      quote(speaker('Jane Smith')), quote(speaker('John Doe')), quote(speaker('John  Doe')),
      quote(speaker('a State Department spokeswoman')), quote(speaker('Sadiq', 'sadiq')),
      quote(speaker('she', null, { text: 'Ann Lee' })), quote(speaker('Ann Lee'), 'term'), quote(null),
    ],
  };
  assert.deepEqual(unlistedSpeakers(report), [{ name: 'John Doe', quotes: 2 }, { name: 'Jane Smith', quotes: 1 }]);
});
