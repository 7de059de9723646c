import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LANGUAGES } from '@dossiers/events';

export class CollaboratorItem {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  firstName!: string;
  @ApiProperty()
  lastName!: string;
  @ApiProperty({ description: 'lower-cased' })
  email!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class CollaboratorPage {
  @ApiProperty({ type: [CollaboratorItem] })
  items!: CollaboratorItem[];
  @ApiProperty({ type: 'integer', description: 'every match, all pages' })
  total!: number;
}

export class CollaboratorDetails extends CollaboratorItem {
  @ApiProperty({ type: 'integer', description: "the collaborator stream's revision, also the ETag" })
  revision!: number;
}

/** What a contact list row and a contact's details share. */
class ContactBase {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  firstName!: string;
  @ApiProperty()
  lastName!: string;
  @ApiProperty({ description: 'lower-cased; unique in the firm' })
  email!: string;
  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;
  @ApiProperty({ enum: LANGUAGES })
  language!: string;
  @ApiProperty({ description: 'whether the contact has chosen a password' })
  activated!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  activatedAt!: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class ContactItem extends ContactBase {
  @ApiProperty({ type: 'integer', description: 'the clients it is attached to that the caller may see' })
  clientsCount!: number;
}

export class ContactPage {
  @ApiProperty({ type: [ContactItem] })
  items!: ContactItem[];
  @ApiProperty({ type: 'integer', description: 'every match, all pages' })
  total!: number;
}

export class ContactClientItem {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ enum: LANGUAGES, description: "the language of this client's emails to the contact" })
  language!: string;
  @ApiProperty({ format: 'date-time' })
  attachedAt!: string;
}

export class ContactDetails extends ContactBase {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "staff only: an activated contact's new email waiting for confirmation (null: none)",
  })
  pendingEmail?: string | null;
  @ApiProperty({
    type: [ContactClientItem],
    description: 'the clients it is attached to that the caller may see',
  })
  clients!: ContactClientItem[];
  @ApiProperty({ type: 'integer', description: "the contact stream's revision, also the ETag" })
  revision!: number;
}
