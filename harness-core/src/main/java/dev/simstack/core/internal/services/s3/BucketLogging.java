package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlReader;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;

/**
 * A bucket's server access logging setting (Put/GetBucketLogging): the target bucket, which must exist
 * and be in the same region, and the prefix of the log objects. Stored and answered; the engine writes no
 * log objects.
 *
 * @param targetBucket where logs would go
 * @param targetPrefix the key prefix of log objects ({@code ""} when none was given)
 */
record BucketLogging(String targetBucket, String targetPrefix) {

    /** Registers PutBucketLogging and GetBucketLogging. */
    static void register(OperationTable<S3Operation> operations, S3Context s3) {
        operations.put("PutBucketLogging", call -> {
            Bucket bucket = s3.store().bucket(call.bucket());
            bucket.logging(parse(call.payload().readAll(), bucket, s3.store()));
            return RestOutput.ok();
        });
        operations.put("GetBucketLogging", call -> {
            BucketLogging logging = s3.store().bucket(call.bucket()).logging();
            return RestOutput.xml(logging == null ? XmlWriter.document("BucketLoggingStatus")
                    .finish("BucketLoggingStatus") : logging.toXml());
        });
    }

    /**
     * The setting of a {@code BucketLoggingStatus} document for {@code bucket}: null (logging off) when it has
     * no {@code LoggingEnabled}; else its target, which must be a bucket of the same region.
     */
    static BucketLogging parse(byte[] body, Bucket bucket, S3Store store) {
        XmlReader enabled = XmlReader.parse(body, "BucketLoggingStatus").child("LoggingEnabled");
        if (enabled == null) {
            return null;
        }
        String target = enabled.text("TargetBucket");
        if (target == null || target.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        String prefix = enabled.text("TargetPrefix");
        Bucket targetBucket = store.find(target);
        if (targetBucket == null) {
            throw new RestXmlError("InvalidTargetBucketForLogging", 400, "The target bucket for logging does not"
                    + " exist").with("TargetBucket", target);
        }
        if (!targetBucket.region().equals(bucket.region())) {
            throw new RestXmlError("CrossLocationLoggingProhibitted", 403, "Cross S3 location logging not allowed. ")
                    .with("TargetBucketLocation", targetBucket.region());
        }
        return new BucketLogging(target, prefix == null ? "" : prefix);
    }

    /** The {@code BucketLoggingStatus} document S3 answers, also what a data directory keeps. */
    String toXml() {
        return XmlWriter.document("BucketLoggingStatus").start("LoggingEnabled").element("TargetBucket", targetBucket)
                .element("TargetPrefix", targetPrefix).end("LoggingEnabled").finish("BucketLoggingStatus");
    }

    /** Reads back what {@link #toXml} wrote. */
    static BucketLogging fromXml(String xml) {
        XmlReader enabled = XmlReader.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "BucketLoggingStatus").child("LoggingEnabled");
        return new BucketLogging(enabled.text("TargetBucket"), enabled.text("TargetPrefix"));
    }
}
