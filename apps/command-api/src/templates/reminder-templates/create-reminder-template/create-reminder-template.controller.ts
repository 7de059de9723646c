import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, NewId } from '@dossiers/platform';
import { ReminderTemplateDto } from '../reminder-template.dto';
import { SaveTemplateCommand } from '../../save-template/save-template.command';

@ApiTags('templates')
@CommandController()
@Controller('reminder-templates')
export class CreateReminderTemplateController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async create(
    @Body() dto: ReminderTemplateDto,
    @NewId('reminder-template') id: string,
    @Ctx() context: CommandContext,
  ) {
    const command = new SaveTemplateCommand('reminder', 'create', id, dto.name, dto.texts, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
