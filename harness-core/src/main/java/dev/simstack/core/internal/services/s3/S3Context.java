package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.StackContext;

/**
 * What every S3 action shares: the stack, the buckets, the id mint, the blob writer and the notifier.
 */
record S3Context(StackContext stack, S3Store store, IdMint ids, BlobWriter blobs, Notifier notifier) {
}
