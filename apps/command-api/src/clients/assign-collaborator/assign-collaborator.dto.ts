import { ApiProperty } from '@nestjs/swagger';
import { Allow } from 'class-validator';

export class AssignCollaboratorDto {
  @ApiProperty({
    type: String,
    enum: ['none', 'read', 'full'],
    description: 'none: cannot see the client; read: consult + download; full: also publish + modify',
  })
  @Allow()
  access!: unknown;
}
