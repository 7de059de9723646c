import { Body, Controller, Inject, Put } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { NotFoundError, tenantSettingsDecider, tenantSettingsStreamId } from '@dossiers/domain';
import { handleCommand, type CommandContext } from '@dossiers/application';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import { NEW_FOLDER_DEFAULTS, type NewFolderDefault } from '@dossiers/events';
import { Ctx, CommandController, commandResponse, CommandResponse, Optional } from '@dossiers/platform';

export class ChangeSettingsDto {
  @ApiPropertyOptional({
    enum: NEW_FOLDER_DEFAULTS,
    description:
      'inherit: new subfolders inherit their parent for everyone; locked: contacts get none on them',
  })
  @Optional()
  @IsIn(NEW_FOLDER_DEFAULTS)
  newFolderDefault?: NewFolderDefault;
}

/** The firm's settings; admins only. Answers the firm id as `id`. */
@ApiTags('settings')
@CommandController(['admin'])
@Controller('settings')
export class ChangeSettingsController {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  @Put()
  @ApiOkResponse({ type: CommandResponse })
  async change(@Body() dto: ChangeSettingsDto, @Ctx() context: CommandContext) {
    const result = await handleCommand(
      this.eventStore,
      tenantSettingsDecider,
      tenantSettingsStreamId(context.tenant),
      { type: 'ChangeTenantSettings', changes: { ...dto } },
      context,
      () => new NotFoundError('settings', context.tenant),
    );
    return commandResponse(context.tenant, result);
  }
}
