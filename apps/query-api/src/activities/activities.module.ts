import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ExportActivitiesController } from './export-activities/export-activities.controller';
import { ExportActivitiesHandler } from './export-activities/export-activities.handler';
import { ListActivitiesController } from './list-activities/list-activities.controller';
import { ListActivitiesHandler } from './list-activities/list-activities.handler';
import { ListClientActivitiesController } from './list-client-activities/list-client-activities.controller';
import { ListClientActivitiesHandler } from './list-client-activities/list-client-activities.handler';

/**
 * The activity log: a client's last activities (whoever may see the client, through their rights
 * now), and the firm-wide log and its export for admins and auditors.
 */
@Module({
  imports: [AccessModule],
  controllers: [ExportActivitiesController, ListActivitiesController, ListClientActivitiesController],
  providers: [ExportActivitiesHandler, ListActivitiesHandler, ListClientActivitiesHandler],
})
export class ActivitiesModule {}
