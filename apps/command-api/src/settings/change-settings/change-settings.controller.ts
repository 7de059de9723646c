import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { CommandContext } from '@dossiers/application';
import { NEW_FOLDER_DEFAULTS, type NewFolderDefault } from '@dossiers/events';
import { Ctx, CommandController, commandResponse, CommandResponse, Optional } from '@dossiers/platform';
import { ChangeSettingsCommand } from './change-settings.command';

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
  constructor(private readonly commandBus: CommandBus) {}

  @Put()
  @ApiOkResponse({ type: CommandResponse })
  async change(@Body() dto: ChangeSettingsDto, @Ctx() context: CommandContext) {
    const command = new ChangeSettingsCommand({ newFolderDefault: dto.newFolderDefault }, context);
    return commandResponse(context.tenant, await this.commandBus.execute(command));
  }
}
