import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, NewId } from '@dossiers/platform';
import { SheetTemplateDto } from '../sheet-template.dto';
import { SaveTemplateCommand } from '../../save-template/save-template.command';

@ApiTags('templates')
@CommandController()
@Controller('sheet-templates')
export class CreateSheetTemplateController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async create(
    @Body() dto: SheetTemplateDto,
    @NewId('sheet-template') id: string,
    @Ctx() context: CommandContext,
  ) {
    const command = new SaveTemplateCommand('sheet', 'create', id, dto.name, dto.fields, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
