import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ActivateContactDto {
  @ApiProperty({ minLength: 12, maxLength: 200, description: 'the password the contact chooses' })
  @IsString()
  @Length(12, 200, { message: 'password must be 12 to 200 characters long' })
  password!: string;
}
