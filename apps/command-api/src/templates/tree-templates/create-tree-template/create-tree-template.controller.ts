import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, NewId } from '@dossiers/platform';
import { TreeTemplateDto } from '../tree-template.dto';
import { SaveTemplateCommand } from '../../save-template/save-template.command';

@ApiTags('templates')
@CommandController()
@Controller('tree-templates')
export class CreateTreeTemplateController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async create(
    @Body() dto: TreeTemplateDto,
    @NewId('tree-template') id: string,
    @Ctx() context: CommandContext,
  ) {
    const command = new SaveTemplateCommand('tree', 'create', id, dto.name, dto.folders, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
