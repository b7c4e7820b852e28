package dev.simstack.core.internal.services.dynamodb;

import java.util.List;

/**
 * The stack's own S3 as exports and imports see it: the engine wires it to S3's typed port, so the files
 * an export writes are ordinary objects (ETags, versions, the ledger's {@code ObjectWrite} entries and event
 * notifications as for any PutObject) and an import reads what any client wrote.
 */
public interface S3Objects {

    /** No S3 at all (a service driven alone in tests): every bucket is missing. */
    S3Objects NONE = new S3Objects() {
        @Override
        public boolean bucketExists(String bucket) {
            return false;
        }

        @Override
        public List<String> keys(String bucket, String prefix) {
            return List.of();
        }

        @Override
        public byte[] content(String bucket, String key) {
            return null;
        }

        @Override
        public String put(String region, String bucket, String key, byte[] bytes, String contentType) {
            throw new IllegalStateException("no S3 in this engine");
        }
    };

    /** Whether bucket {@code bucket} exists (bucket names are global). */
    boolean bucketExists(String bucket);

    /** The keys of the current objects of {@code bucket} that start with {@code prefix}, in listing order. */
    List<String> keys(String bucket, String prefix);

    /** The bytes of the current object {@code key}, or null if there is none. */
    byte[] content(String bucket, String key);

    /** PutObject of {@code bytes}, signed for {@code region}; answers the ETag without its quotes. */
    String put(String region, String bucket, String key, byte[] bytes, String contentType);
}
