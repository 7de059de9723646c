import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, NewId } from '@dossiers/platform';
import { CreateClientDto, WizardExistingContact, WizardNewContact } from './create-client.dto';
import { CreateClientHandler } from './create-client.handler';

@ApiTags('clients')
@ApiExtraModels(WizardExistingContact, WizardNewContact)
@CommandController()
@Controller('clients')
export class CreateClientController {
  constructor(private readonly handler: CreateClientHandler) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async create(@Body() dto: CreateClientDto, @NewId('client') id: string, @Ctx() context: CommandContext) {
    return commandResponse(id, await this.handler.execute(id, dto, context));
  }
}
