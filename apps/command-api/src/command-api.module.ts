import { Module } from '@nestjs/common';
import { CreateClientController } from './clients/create-client/create-client.controller';
import { CreateClientHandler } from './clients/create-client/create-client.handler';
import { UpdateClientController } from './clients/update-client/update-client.controller';
import { UpdateClientHandler } from './clients/update-client/update-client.handler';
import { DeleteClientController } from './clients/delete-client/delete-client.controller';
import { DeleteClientHandler } from './clients/delete-client/delete-client.handler';
import { ClientNameRegistry } from './clients/client-name-registry';
import { CreateGroupController } from './groups/create-group/create-group.controller';
import { CreateGroupHandler } from './groups/create-group/create-group.handler';
import { GroupLookup } from './groups/group-lookup';

/** The write side: commands -> events. Needs InfrastructureModule (the stores) from the process that hosts it. */
@Module({
  controllers: [
    CreateClientController,
    UpdateClientController,
    DeleteClientController,
    CreateGroupController,
  ],
  providers: [
    CreateClientHandler,
    UpdateClientHandler,
    DeleteClientHandler,
    CreateGroupHandler,
    ClientNameRegistry,
    GroupLookup,
  ],
})
export class CommandApiModule {}
