import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, NewId } from '@dossiers/platform';
import { SheetTemplateDto } from '../sheet-template.dto';
import { SheetTemplateWriter } from '../sheet-template-writer';

@ApiTags('templates')
@CommandController()
@Controller('sheet-templates')
export class CreateSheetTemplateController {
  constructor(private readonly writer: SheetTemplateWriter) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async create(
    @Body() dto: SheetTemplateDto,
    @NewId('sheet-template') id: string,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(id, await this.writer.save('create', id, dto, context));
  }
}
