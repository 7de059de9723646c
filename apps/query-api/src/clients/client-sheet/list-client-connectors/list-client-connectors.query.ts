import { Query } from '@nestjs/cqrs';
import type { ConnectorSettings } from '@dossiers/events';
import type { Principal } from '@dossiers/platform';
import type { SheetTab } from '../visible-sheet';

export interface ClientConnectorView {
  connectorId: string;
  name: string;
  /** the settings that are not secret */
  settings: ConnectorSettings;
  /** each secret setting: whether it is set (never its value) */
  secrets: Record<string, boolean>;
  configuredAt: string;
}

/** GET /clients/:id/connectors: the sheet's connectors tab. */
export class ListClientConnectorsQuery extends Query<SheetTab<ClientConnectorView>> {
  constructor(
    readonly principal: Principal,
    readonly clientId: string,
  ) {
    super();
  }
}
