import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Command, CommandController, commandResponse, CommandResponse, NewId } from '@dossiers/platform';
import { SheetTemplateDto } from '../sheet-template.dto';
import { CreateSheetTemplateHandler } from './create-sheet-template.handler';

@ApiTags('templates')
@CommandController()
@Controller('sheet-templates')
export class CreateSheetTemplateController {
  constructor(private readonly handler: CreateSheetTemplateHandler) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async create(
    @Body() dto: SheetTemplateDto,
    @NewId('sheet-template') id: string,
    @Command() context: CommandContext,
  ) {
    return commandResponse(id, await this.handler.execute(id, dto, context));
  }
}
