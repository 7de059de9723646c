/**
 * Jest globalSetup: says, once and visibly, which contract suites this run skips and how to run
 * them. They need servers that only `docker compose up` provides.
 */
const OPTIONAL = [
  [
    'EVENTSTORE_URL',
    'EventStoreDB event-store contract',
    'docker compose -f docker-compose.engines.yml up -d --wait; EVENTSTORE_URL=esdb://localhost:2113?tls=false',
  ],
  [
    'MONGO_URL',
    'MongoDB read-store, GridFS blob-store and replay-check (verify-projections)',
    'docker compose -f docker-compose.engines.yml up -d --wait; MONGO_URL=mongodb://localhost:27017/?replicaSet=rs0&directConnection=true',
  ],
];

module.exports = async () => {
  for (const [variable, suite, how] of OPTIONAL) {
    if (!process.env[variable])
      console.log(`\nSKIPPED: ${suite} suite (${variable} is not set). To run it: ${how} npm test`);
  }
};
