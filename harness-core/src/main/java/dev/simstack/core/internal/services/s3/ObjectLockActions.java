package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlReader;
import dev.simstack.core.internal.protocol.restxml.XmlWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Object Lock: the bucket's configuration (Put/GetObjectLockConfiguration), each version's retention
 * (Put/GetObjectRetention) and legal hold (Put/GetObjectLegalHold), and the lock a write asks for with
 * {@code x-amz-object-lock-*} headers or gets from the bucket's default retention. Retention is measured on
 * the stack's clock. The refusals the locks cause are {@link ObjectLocks#checkRemovable}'s.
 */
final class ObjectLockActions {

    /** S3 formats a past retain-until date this way, in Pacific time whatever the bucket's region. */
    private static final DateTimeFormatter PACIFIC = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy",
            Locale.US).withZone(ZoneId.of("America/Los_Angeles"));
    static final String BYPASS_GOVERNANCE = "x-amz-bypass-governance-retention";

    private final S3Context s3;

    ObjectLockActions(S3Context s3) {
        this.s3 = s3;
    }

    void register(OperationTable<S3Operation> operations) {
        operations.put("PutObjectLockConfiguration", this::putConfiguration);
        operations.put("GetObjectLockConfiguration", this::getConfiguration);
        operations.put("PutObjectRetention", this::putRetention);
        operations.put("GetObjectRetention", this::getRetention);
        operations.put("PutObjectLegalHold", this::putLegalHold);
        operations.put("GetObjectLegalHold", this::getLegalHold);
    }

    /** CreateBucket with {@code x-amz-bucket-object-lock-enabled: true}: Object Lock on, and versioning with it. */
    static void enable(Bucket bucket) {
        synchronized (bucket) {
            bucket.versioning(Bucket.Versioning.ENABLED);
            if (bucket.objectLock() == null) {
                bucket.objectLock(ObjectLockConfiguration.ENABLED);
            }
        }
    }

    /** A bucket with Object Lock keeps versioning on: suspending it is InvalidBucketState. */
    static void checkVersioningChange(Bucket bucket, Bucket.Versioning to) {
        if (bucket.objectLock() != null && to != Bucket.Versioning.ENABLED) {
            throw new RestXmlError("InvalidBucketState", 409, "An Object Lock configuration is present on this"
                    + " bucket, so the versioning state cannot be changed.").with("BucketName", bucket.name());
        }
    }

    /** Object Lock may be turned on for an existing bucket once versioning is enabled (S3 since 2023). */
    private RestOutput putConfiguration(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        ObjectLockConfiguration configuration = ObjectLockConfiguration.parse(call.payload().readAll());
        synchronized (bucket) {
            if (bucket.versioning() != Bucket.Versioning.ENABLED) {
                throw new RestXmlError("InvalidBucketState", 409, "Versioning must be 'Enabled' on the bucket to"
                        + " apply a Object Lock configuration").with("BucketName", bucket.name());
            }
            bucket.objectLock(configuration);
        }
        return RestOutput.ok();
    }

    private RestOutput getConfiguration(S3Call call) {
        ObjectLockConfiguration configuration = s3.store().bucket(call.bucket()).objectLock();
        if (configuration == null) {
            throw new RestXmlError("ObjectLockConfigurationNotFoundError", 404, "Object Lock configuration does not"
                    + " exist for this bucket").with("BucketName", call.bucket());
        }
        return RestOutput.xml(configuration.toXml());
    }

    /**
     * Sets, extends, shortens or removes a version's retention. Extending is always allowed; shortening,
     * removing or turning COMPLIANCE into GOVERNANCE is refused while the old retention protects the
     * version (a GOVERNANCE one gives way to the bypass header).
     */
    private RestOutput putRetention(S3Call call) {
        Bucket bucket = lockedBucket(call);
        XmlReader document = XmlReader.parse(call.payload().readAll(), "Retention");
        ObjectLocks.Retention wanted = retention(document.text("Mode"), document.text("RetainUntilDate"), false);
        Instant now = s3.stack().clock().now();
        if (wanted != null && !wanted.retainUntil().isAfter(now)) {
            throw pastRetainUntil(wanted.retainUntil());
        }
        boolean bypass = "true".equalsIgnoreCase(call.header(BYPASS_GOVERNANCE));
        synchronized (bucket) {
            ObjectVersion version = VersionLookup.find(bucket, call.key(), call.query("versionId"), "PUT");
            ObjectLocks.Lock lock = bucket.locks().get(version.key(), version.versionId());
            ObjectLocks.Retention old = lock == null ? null : lock.retention();
            if (ObjectLocks.protects(old, now, bypass) && weakens(old, wanted)) {
                throw ObjectLocks.protectedByObjectLock();
            }
            bucket.locks().retention(version.key(), version.versionId(), wanted);
        }
        return RestOutput.ok();
    }

    private static boolean weakens(ObjectLocks.Retention old, ObjectLocks.Retention wanted) {
        return wanted == null || wanted.retainUntil().isBefore(old.retainUntil())
                || (old.mode().equals("COMPLIANCE") && wanted.mode().equals("GOVERNANCE"));
    }

    private RestOutput getRetention(S3Call call) {
        Bucket bucket = lockedBucket(call);
        ObjectLocks.Retention retention;
        synchronized (bucket) {
            ObjectVersion version = VersionLookup.find(bucket, call.key(), call.query("versionId"), "GET");
            ObjectLocks.Lock lock = bucket.locks().get(version.key(), version.versionId());
            retention = lock == null ? null : lock.retention();
        }
        if (retention == null) {
            throw noLockOnObject();
        }
        return RestOutput.xml(XmlWriter.document("Retention").element("Mode", retention.mode())
                .element("RetainUntilDate", S3Time.iso(retention.retainUntil())).finish("Retention"));
    }

    private RestOutput putLegalHold(S3Call call) {
        Bucket bucket = lockedBucket(call);
        String status = XmlReader.parse(call.payload().readAll(), "LegalHold").text("Status");
        if (!"ON".equals(status) && !"OFF".equals(status)) {
            throw S3Errors.malformedXml();
        }
        synchronized (bucket) {
            ObjectVersion version = VersionLookup.find(bucket, call.key(), call.query("versionId"), "PUT");
            bucket.locks().legalHold(version.key(), version.versionId(), status.equals("ON"));
        }
        return RestOutput.ok();
    }

    private RestOutput getLegalHold(S3Call call) {
        Bucket bucket = lockedBucket(call);
        Boolean hold;
        synchronized (bucket) {
            ObjectVersion version = VersionLookup.find(bucket, call.key(), call.query("versionId"), "GET");
            ObjectLocks.Lock lock = bucket.locks().get(version.key(), version.versionId());
            hold = lock == null ? null : lock.legalHold();
        }
        if (hold == null) {
            throw noLockOnObject();
        }
        return RestOutput.xml(XmlWriter.document("LegalHold").element("Status", hold ? "ON" : "OFF")
                .finish("LegalHold"));
    }

    private Bucket lockedBucket(S3Call call) {
        Bucket bucket = s3.store().bucket(call.bucket());
        if (bucket.objectLock() == null) {
            throw missingConfiguration();
        }
        return bucket;
    }

    static RestXmlError missingConfiguration() {
        return S3Errors.invalidRequest("Bucket is missing Object Lock Configuration");
    }

    private static RestXmlError noLockOnObject() {
        return new RestXmlError("NoSuchObjectLockConfiguration", 404, "The specified object does not have a"
                + " ObjectLock configuration");
    }

    private static RestXmlError pastRetainUntil(Instant until) {
        return S3Errors.invalidArgument("The retain until date must be in the future!", "RetainUntilDate",
                PACIFIC.format(until));
    }

    /**
     * The lock a write asks for in {@code headers} ({@code x-amz-object-lock-*}, kept there by
     * {@link ObjectAttributes#withWriteHeaders}), else the bucket's default retention; null for none.
     * Call under the bucket's lock.
     */
    static ObjectLocks.Lock forWrite(Bucket bucket, Map<String, String> headers, Instant now) {
        String mode = headers.get(ObjectLocks.MODE);
        String until = headers.get(ObjectLocks.RETAIN_UNTIL);
        String hold = headers.get(ObjectLocks.LEGAL_HOLD);
        if (mode == null && until == null && hold == null) {
            return bucket.objectLock() == null ? null : lockOrNull(bucket.objectLock().defaultRetention(now), null);
        }
        if (bucket.objectLock() == null) {
            throw missingConfiguration();
        }
        ObjectLocks.Retention retention = retention(mode, until, true);
        if (retention != null && !retention.retainUntil().isAfter(now)) {
            throw pastRetainUntil(retention.retainUntil());
        }
        if (retention == null) {
            retention = bucket.objectLock().defaultRetention(now);
        }
        return lockOrNull(retention, hold == null ? null : hold.equals("ON"));
    }

    private static ObjectLocks.Lock lockOrNull(ObjectLocks.Retention retention, Boolean hold) {
        return retention == null && hold == null ? null : new ObjectLocks.Lock(retention, hold);
    }

    /**
     * Checks the lock headers of a write before its body is read: a known mode and legal hold status, and
     * mode and date together ({@code InvalidArgument}).
     */
    static void checkHeaders(S3Call call) {
        String mode = call.header(ObjectLocks.MODE);
        String hold = call.header(ObjectLocks.LEGAL_HOLD);
        if (hold != null && !hold.equals("ON") && !hold.equals("OFF")) {
            throw S3Errors.invalidArgument("Legal Hold must be either of 'ON' or 'OFF'", ObjectLocks.LEGAL_HOLD, hold);
        }
        retention(mode, call.header(ObjectLocks.RETAIN_UNTIL), true);
    }

    /** A mode and date given together, or neither (null); one without the other is refused. */
    private static ObjectLocks.Retention retention(String mode, String until, boolean headers) {
        if (mode == null && until == null) {
            return null;
        }
        if (mode == null || until == null) {
            if (headers) {
                throw S3Errors.invalidArgument("x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must"
                        + " both be supplied", mode == null ? ObjectLocks.RETAIN_UNTIL : ObjectLocks.MODE,
                        mode == null ? until : mode);
            }
            throw S3Errors.malformedXml();
        }
        if (!ObjectLockConfiguration.MODES.contains(mode)) {
            if (headers) {
                throw S3Errors.invalidArgument("Unknown wormMode directive.", ObjectLocks.MODE, mode);
            }
            throw S3Errors.malformedXml();
        }
        try {
            return new ObjectLocks.Retention(mode, Instant.parse(until.trim()));
        } catch (DateTimeParseException e) {
            if (headers) {
                throw S3Errors.invalidArgument("The retain until date must be provided in ISO 8601 format",
                        ObjectLocks.RETAIN_UNTIL, until);
            }
            throw S3Errors.malformedXml();
        }
    }
}
