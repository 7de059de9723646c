import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, NewId } from '@dossiers/platform';
import { CreateGroupDto } from './create-group.dto';
import { CreateGroupCommand } from './create-group.command';

@ApiTags('groups')
@CommandController()
@Controller('groups')
export class CreateGroupController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async create(@Body() dto: CreateGroupDto, @NewId('group') id: string, @Ctx() context: CommandContext) {
    return commandResponse(id, await this.commandBus.execute(new CreateGroupCommand(id, dto.name, context)));
  }
}
