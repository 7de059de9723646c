/**
 * Events of the Client aggregate (stream `client-<clientId>`).
 * The `type` string is what the event store stores; bump the schema version and add an upcaster
 * in upcasters.ts when a payload changes shape.
 */

/** string, number, boolean, or a date written as an ISO-8601 string (YYYY-MM-DD or a full instant). */
export type AttributeValue = string | number | boolean;
export type Attributes = Record<string, AttributeValue>;

export type ClientCreated = {
  type: 'ClientCreated';
  data: { clientId: string; name: string; groupId: string | null; attributes: Attributes };
};
export type ClientRenamed = { type: 'ClientRenamed'; data: { clientId: string; name: string } };
export type ClientGroupChanged = {
  type: 'ClientGroupChanged';
  data: { clientId: string; groupId: string | null };
};
/** `set` adds or replaces values; `removed` lists keys that are gone. */
export type ClientAttributesChanged = {
  type: 'ClientAttributesChanged';
  data: { clientId: string; set: Attributes; removed: string[] };
};
export type ClientDeleted = { type: 'ClientDeleted'; data: { clientId: string } };

export type ClientEvent =
  ClientCreated | ClientRenamed | ClientGroupChanged | ClientAttributesChanged | ClientDeleted;

/**
 * Events of a client-name reservation (stream `client-name-<hash of tenant and normalised name>`),
 * which keeps client names unique per tenant under concurrency. `holderRevision` is the client's
 * stream revision when it reserved: -1 for a client about to be created.
 */
export type ClientNameReserved = {
  type: 'ClientNameReserved';
  data: { clientId: string; name: string; reservedAt: string; holderRevision: number };
};

export type ClientNameEvent = ClientNameReserved;
