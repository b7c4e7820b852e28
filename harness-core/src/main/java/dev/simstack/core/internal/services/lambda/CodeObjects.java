package dev.simstack.core.internal.services.lambda;

/** The S3 objects a function's code may come from ({@code S3Bucket}/{@code S3Key}/{@code S3ObjectVersion}). */
@FunctionalInterface
public interface CodeObjects {

    /** Where S3 is not part of the stack: every S3 location is refused. */
    CodeObjects NONE = (region, bucket, key, versionId) -> {
        throw new dev.simstack.core.AwsException("NoSuchBucket", 404, "The specified bucket does not exist");
    };

    /**
     * The bytes of object {@code key} (version {@code versionId} if not null) of {@code bucket}, read for a
     * function of {@code region}.
     *
     * @throws dev.simstack.core.AwsException S3's error (NoSuchBucket, NoSuchKey, PermanentRedirect for a
     *     bucket of another region, ...), which Lambda reports in its own words
     */
    byte[] get(String region, String bucket, String key, String versionId);
}
