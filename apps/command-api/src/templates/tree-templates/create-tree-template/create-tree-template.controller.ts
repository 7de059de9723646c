import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, NewId } from '@dossiers/platform';
import { TreeTemplateDto } from '../tree-template.dto';
import { TreeTemplateWriter } from '../tree-template-writer';

@ApiTags('templates')
@CommandController()
@Controller('tree-templates')
export class CreateTreeTemplateController {
  constructor(private readonly writer: TreeTemplateWriter) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async create(
    @Body() dto: TreeTemplateDto,
    @NewId('tree-template') id: string,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(id, await this.writer.save('create', id, dto, context));
  }
}
