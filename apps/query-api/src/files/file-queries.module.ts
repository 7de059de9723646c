import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ListFilesController } from './list-files/list-files.controller';
import { ListFilesHandler } from './list-files/list-files.handler';
import { GetFileController } from './get-file/get-file.controller';
import { GetFileHandler } from './get-file/get-file.handler';
import { DownloadFileController } from './download-file/download-file.controller';
import { DownloadFileHandler } from './download-file/download-file.handler';
import { RecordDownloadHandler } from './record-download/record-download.handler';

/** The files of a client's folders, for whoever can read the folder; downloads are recorded. */
@Module({
  imports: [AccessModule],
  controllers: [ListFilesController, GetFileController, DownloadFileController],
  providers: [ListFilesHandler, GetFileHandler, DownloadFileHandler, RecordDownloadHandler],
})
export class FileQueriesModule {}
