import { ApiProperty } from '@nestjs/swagger';
import type { CommandResult } from '@dossiers/application';

/** What every command answers: the resource, its new revision (also the ETag), and the position to read it at. */
export class CommandResponse {
  @ApiProperty({ description: 'id of the resource the command changed' })
  id!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      "the stream's revision after the command; the ETag; send it back in If-Match. Null (and no ETag) for a client's collaborators and contacts, who are not told its revision",
  })
  revision!: number | null;
  @ApiProperty({ description: 'global position: send it as X-Min-Position to read your own write' })
  position!: number;
}

export function commandResponse(id: string, result: CommandResult): CommandResponse {
  return { id, revision: result.revisionHidden ? null : result.revision, position: result.position };
}
