import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { useStandalone } from './support/standalone-app';

// A rename retried inside the command handler (a concurrent write moved the client) reserves its new
// name again from the newer revision. With an Idempotency-Key, event ids are derived from the key:
// that second reservation must not reuse the first one's id, or the store would drop it as a repeat,
// the reservation would look abandoned, and another client could take the name before the rename lands.
// The store's append is held at chosen points to force exactly that interleaving.
describe('a rename with an Idempotency-Key, retried after a concurrent write', () => {
  const suite = useStandalone();

  it('never lets two clients end up with the same name', async () => {
    const a = await suite.h.http().post('/clients').set(suite.auth).send({ name: 'Alpha' });
    const stream = `client-${a.body.id}`;
    const store = suite.h.app.get<EventStore>(EVENT_STORE);
    const append = store.append.bind(store);
    const gates = [deferred(), deferred()];
    const reached = [deferred(), deferred()];
    let attempt = 0;
    store.append = async (id, events, expected) => {
      if (id === stream && events.some((e) => e.type === 'ClientRenamed') && attempt < 2) {
        const n = attempt++;
        reached[n].resolve();
        await gates[n].promise;
      }
      return append(id, events, expected);
    };

    const rename = suite.h
      .http()
      .patch(`/clients/${a.body.id}`)
      .set(suite.auth)
      .set('Idempotency-Key', 'rename-alpha-xeno')
      .send({ name: 'Xeno' })
      .then((r) => r);
    await reached[0].promise; // rename reserved "Xeno" at revision 0, about to append
    const other = await suite.h
      .http()
      .patch(`/clients/${a.body.id}`)
      .set(suite.auth)
      .send({ attributes: { x: 1 } });
    expect(other.status).toBe(200); // client A now at revision 1
    gates[0].resolve(); // attempt 1 fails (WEV), attempt 2 re-reserves from revision 1
    await reached[1].promise;
    const b = await suite.h.http().post('/clients').set(suite.auth).send({ name: 'xeno' });
    gates[1].resolve();
    const renamed = await rename;
    store.append = append;

    expect(renamed.status).toBe(200);
    expect(b.status).toBe(409);
    expect(b.body.code).toBe('CLIENT_NAME_TAKEN');
    const named = await suite.h
      .http()
      .get('/clients?search=xeno')
      .set(suite.auth)
      .set('X-Min-Position', String(renamed.body.position));
    expect(named.body.total).toBe(1);
  });
});

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
