import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, NewId, ResourceIdPipe, Optional } from '@dossiers/platform';
import { actorOf, ClientCommandRunner } from '../../clients/client-command-runner';
import { TenantSettingsLookup } from '../../settings/tenant-settings-lookup';
import { FolderCreatedResponse } from '../../command-responses';

export class CreateFolderDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'absent or null: a root folder',
  })
  @Optional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  parentId?: string | null;

  @ApiProperty({
    example: 'Factures 2026',
    description: "1-120 characters, no '/', unique among its siblings ignoring case",
  })
  @IsString()
  @MaxLength(1000)
  name!: string;
}

/**
 * A new subfolder inherits its parent's rights for everyone, unless the firm's policy is `locked`:
 * then contacts get none on it until someone gives them a right.
 */
@ApiTags('folders')
@CommandController()
@Controller('clients')
export class CreateFolderController {
  constructor(
    private readonly runner: ClientCommandRunner,
    private readonly settings: TenantSettingsLookup,
  ) {}

  @Post(':id/folders')
  @ApiCreatedResponse({ type: FolderCreatedResponse })
  async create(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Body() dto: CreateFolderDto,
    @NewId('folder') folderId: string,
    @Ctx() context: CommandContext,
  ) {
    const { newFolderDefault } = await this.settings.current(context.tenant);
    const result = await this.runner.runChecked(
      id,
      {
        type: 'CreateFolder',
        clientId: id,
        folderId,
        parentId: dto.parentId ?? null,
        name: dto.name,
        contactDefault: newFolderDefault === 'locked' ? 'none' : null,
        actor: actorOf(context),
      },
      context,
    );
    return { ...commandResponse(id, result), folderId };
  }
}
