import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { groupDecider, groupStreamId, NotFoundError, parseGroupName } from '@dossiers/domain';
import { handleCommand, type CommandContext } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { Command, CommandController, commandResponse, CommandResponse, NewId } from '@dossiers/platform';

export class CreateGroupDto {
  @ApiProperty({ example: 'Clients BNC', description: 'trimmed, 1-120 characters' })
  @IsString()
  @MaxLength(1000)
  name!: string;
}

@ApiTags('groups')
@CommandController()
@Controller('groups')
export class CreateGroupController {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async create(@Body() dto: CreateGroupDto, @NewId('group') groupId: string, @Command() context: CommandContext) {
    const result = await handleCommand(
      this.eventStore,
      groupDecider,
      groupStreamId(groupId),
      { type: 'CreateGroup', groupId, name: parseGroupName(dto.name) },
      context,
      () => new NotFoundError('group', groupId),
    );
    return commandResponse(groupId, result);
  }
}
