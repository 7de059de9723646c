export * from './payload-too-large.error';
export * from './file-upload.decorator';
export * from './register-file-uploads';
export * from './receive-single-file';
export * from './byte-range';
export * from './send-blob';
