import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, NewId } from '@dossiers/platform';
import { CreateContactDto } from './create-contact.dto';
import { CreateContactCommand } from './create-contact.command';

@ApiTags('contacts')
@CommandController()
@Controller('contacts')
export class CreateContactController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async create(@Body() dto: CreateContactDto, @NewId('contact') id: string, @Ctx() context: CommandContext) {
    return commandResponse(id, await this.commandBus.execute(new CreateContactCommand(id, dto, context)));
  }
}
