import { Inject, Injectable } from '@nestjs/common';
import { ForbiddenError, isFirmWide, NotFoundError } from '@dossiers/domain';
import type { Access } from '@dossiers/events';
import { READ_STORE, type ReadStore } from '@dossiers/read-store';
import {
  ACCESS_OF_CODE,
  CLIENT_FILES_COLLECTION,
  CLIENT_MEMBERS_COLLECTION,
  CLIENTS_COLLECTION,
  clientFileId,
  clientMemberId,
  FOLDER_ACCESS_COLLECTION,
  folderAccessId,
  type ClientFileDoc,
  type ClientListDoc,
  type ClientMemberDoc,
  type FolderAccessDoc,
} from '@dossiers/read-models';
import type { Principal } from '@dossiers/platform';

/**
 * How a caller sees one client: the firm-wide roles (admin, auditor, service) see it whole; a
 * collaborator or a contact sees it as a member, through their rights.
 */
export type ClientView =
  { kind: 'firm-wide'; clientId: string } | { kind: 'member'; clientId: string; member: ClientMemberDoc };

/**
 * Authorisation on the read side, from the read models the permissions projection keeps (one
 * point read per check, never a replay). A client the caller may not see answers 404, exactly as
 * one that does not exist or belongs to another firm.
 */
@Injectable()
export class ClientAccess {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  /** admin, auditor, service: the whole firm, without folder rights (FIRM_WIDE_ROLES) */
  isFirmWide(principal: Principal): boolean {
    return isFirmWide(principal.role);
  }

  async view(principal: Principal, clientId: string): Promise<ClientView> {
    if (this.isFirmWide(principal)) {
      const client = await this.readStore.collection<ClientListDoc>(CLIENTS_COLLECTION).findById(clientId);
      if (!client || client.tenant !== principal.tenant) throw new NotFoundError('client', clientId);
      return { kind: 'firm-wide', clientId };
    }
    const member = await this.readStore
      .collection<ClientMemberDoc>(CLIENT_MEMBERS_COLLECTION)
      .findById(clientMemberId(clientId, principal.sub));
    // The token's role must be the member's kind: a contact token naming a collaborator's id (or the
    // reverse) is not that member.
    if (!member || member.tenant !== principal.tenant || !member.visible || member.kind !== principal.role)
      throw new NotFoundError('client', clientId);
    return { kind: 'member', clientId, member };
  }

  /**
   * The client's revision as the caller may see it: staff, the stream's (their ETag and If-Match);
   * members, none, since it moves with work in folders hidden from them. They change a client
   * without If-Match (decided again on the fresh state) or with `If-Match: *`.
   */
  revisionFor(principal: Principal, revision: number): number | null {
    return this.isFirmWide(principal) ? revision : null;
  }

  /** The clients a member may see; null for staff, who see the whole firm. */
  async visibleClientIds(principal: Principal): Promise<string[] | null> {
    if (this.isFirmWide(principal)) return null;
    const members = await this.readStore
      .collection<ClientMemberDoc>(CLIENT_MEMBERS_COLLECTION)
      .find({ tenant: principal.tenant, principalId: principal.sub, visible: true, kind: principal.role });
    return members.map((m) => m.clientId);
  }

  /**
   * Whether the caller may see a client, as a test over ids: every client for staff, the ones
   * visibleClientIds lists for anyone else. For per-client data shown outside a client (the
   * directory's links, their counts): what fails the test is left out, never named nor counted.
   */
  async clientFilter(principal: Principal): Promise<(clientId: string) => boolean> {
    const visible = await this.visibleClientIds(principal);
    if (visible === null) return () => true;
    const ids = new Set(visible);
    return (clientId) => ids.has(clientId);
  }

  /** The folder as the caller sees it, with their effective right; 404 when it does not exist for them. */
  async folder(view: ClientView, folderId: string): Promise<{ folder: FolderAccessDoc; right: Access }> {
    const folder = await this.readStore
      .collection<FolderAccessDoc>(FOLDER_ACCESS_COLLECTION)
      .findById(folderAccessId(view.clientId, folderId));
    if (!folder) throw new NotFoundError('folder', folderId);
    const right = rightIn(folder, view);
    if (right === 'none') throw new NotFoundError('folder', folderId);
    return { folder, right };
  }

  /** The file as the caller sees it: one in a folder they cannot read does not exist for them. */
  async file(view: ClientView, fileId: string): Promise<ClientFileDoc> {
    const file = await this.readStore
      .collection<ClientFileDoc>(CLIENT_FILES_COLLECTION)
      .findById(clientFileId(view.clientId, fileId));
    if (!file) throw new NotFoundError('file', fileId);
    await this.folder(view, file.folderId).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new NotFoundError('file', fileId) : error;
    });
    return file;
  }

  /** Other people's rights (the matrix, a folder's access, another's "eye") are the firm's business. */
  assertMaySeeOthersRights(principal: Principal): void {
    if (principal.role === 'contact')
      throw new ForbiddenError('FORBIDDEN', "Contacts cannot see other people's rights");
  }
}

/** The caller's effective right on a folder document: full for staff. */
export function rightIn(folder: FolderAccessDoc, view: ClientView): Access {
  if (view.kind === 'firm-wide') return 'full';
  return ACCESS_OF_CODE[folder.effective[view.member.slot]] ?? 'none';
}
