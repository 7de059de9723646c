import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, NewId } from '@dossiers/platform';
import { CreateClientDto, WizardExistingContact, WizardNewContact } from './create-client.dto';
import { CreateClientCommand } from './create-client.command';

@ApiTags('clients')
@ApiExtraModels(WizardExistingContact, WizardNewContact)
@CommandController()
@Controller('clients')
export class CreateClientController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async create(@Body() dto: CreateClientDto, @NewId('client') id: string, @Ctx() context: CommandContext) {
    const input = {
      name: dto.name,
      groupId: dto.groupId,
      sheetTemplateId: dto.sheetTemplateId,
      attributes: dto.attributes,
      contacts: dto.contacts,
      collaborators: dto.collaborators,
      treeTemplateId: dto.treeTemplateId,
      connectors: dto.connectors,
      formTemplateId: dto.formTemplateId,
    };
    return commandResponse(id, await this.commandBus.execute(new CreateClientCommand(id, input, context)));
  }
}
