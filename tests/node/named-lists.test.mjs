// The reader's named lists: one active, the previous version of each kept, sites choosing a list,
// and the old single config becoming the first list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ActorLists, FIRST_LIST } from '../../www/src/lists.js';

function memory(initial = null, legacy = null) {
  const box = { value: initial, writes: 0 };
  return { box, storage: { get: async () => box.value, set: async (v) => { box.value = structuredClone(v); box.writes += 1; }, legacy: async () => legacy } };
}
const config = (...ids) => ({ actors: ids.map((id) => ({ id, aliases: [id] })) });

test('the old single config becomes the first list; without one, the fallback does', async () => {
  const old = await ActorLists.open(memory(null, config('a')).storage, config('demo'));
  assert.deepEqual(old.names, [FIRST_LIST]);
  assert.deepEqual(old.get().actors.map((a) => a.id), ['a']);
  const fresh = await ActorLists.open(memory().storage, { name: 'Sample', ...config('demo') });
  assert.deepEqual([fresh.names, fresh.active], [['Sample'], 'Sample']);
});

test('create, select, rename and delete lists; names stay unique and one list stays active', async () => {
  const { box, storage } = memory();
  const lists = await ActorLists.open(storage, config('a'));
  assert.equal(await lists.create('Desk', config('b')), 'Desk');
  assert.equal(await lists.create('Desk', config('c')), 'Desk 2');
  assert.equal(lists.active, 'Desk 2');
  await lists.select('Desk');
  assert.equal(box.value.active, 'Desk');
  await lists.setSite('news.example', 'Desk');
  await assert.rejects(lists.rename('Desk', 'Desk 2'), /already a list named “Desk 2”/);
  await lists.rename('Desk', 'Afghanistan desk');
  assert.equal(lists.active, 'Afghanistan desk');
  assert.equal(lists.forSite('news.example'), 'Afghanistan desk');
  assert.equal(lists.get('Afghanistan desk').name, 'Afghanistan desk');
  await lists.select('Desk 2');
  assert.equal(lists.forSite('elsewhere.example'), 'Desk 2');
  await lists.remove('Afghanistan desk');
  assert.equal(lists.forSite('news.example'), 'Desk 2');
  await lists.remove('Desk 2');
  assert.deepEqual(lists.names, [FIRST_LIST]);
  await assert.rejects(lists.remove(FIRST_LIST), /last list cannot be deleted/);
  const reopened = await ActorLists.open(storage, config('z'));
  assert.deepEqual(reopened.names, [FIRST_LIST]);
});

test('a replacement keeps the previous version, which can be restored; an edit does not', async () => {
  const lists = await ActorLists.open(memory().storage, config('a'));
  await lists.put(FIRST_LIST, config('a', 'b'));
  assert.equal(lists.previous(), null);
  await lists.put(FIRST_LIST, config('csv'), { replacing: true });
  assert.deepEqual(lists.previous().actors.map((a) => a.id), ['a', 'b']);
  const restored = await lists.restore();
  assert.deepEqual(restored.actors.map((a) => a.id), ['a', 'b']);
  assert.deepEqual(lists.previous().actors.map((a) => a.id), ['csv']);
});

test('a storage that refuses a change leaves the lists in memory as stored', async () => {
  const { box, storage } = memory();
  const lists = await ActorLists.open(storage, config('a'));
  await lists.create('Desk', config('b'));
  await lists.setSite('news.example', 'Desk');
  const stored = structuredClone(box.value);
  storage.set = async () => {
    throw new Error('the storage is full');
  };
  const changes = [
    () => lists.put('Desk', config('c'), { replacing: true }),
    () => lists.create('Other', config('d')),
    () => lists.rename('Desk', 'Renamed'),
    () => lists.remove('Desk'),
    () => lists.select(FIRST_LIST),
    () => lists.setSite('news.example', null),
  ];
  for (const change of changes) {
    await assert.rejects(change(), /storage is full/);
    assert.deepEqual(lists.state, stored, String(change));
  }
});
