export * from './blob-store.port';
export { LocalDiskBlobStore } from './local-disk/local-disk-blob-store';
export { GridFsBlobStore, type GridFsBlobStoreOptions } from './mongodb/gridfs-blob-store';
