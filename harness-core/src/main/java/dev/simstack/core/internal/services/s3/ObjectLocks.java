package dev.simstack.core.internal.services.s3;

import dev.simstack.core.internal.protocol.restxml.RestOutput;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The retention and legal hold of each object version of a bucket with Object Lock, and the refusals they
 * cause: a version under legal hold, or retained until a time the stack's clock has not reached, cannot be
 * deleted; a GOVERNANCE retention gives way to {@code x-amz-bypass-governance-retention: true}, a
 * COMPLIANCE one to nothing. Guarded by the bucket's monitor.
 */
final class ObjectLocks {

    static final String MODE = "x-amz-object-lock-mode";
    static final String RETAIN_UNTIL = "x-amz-object-lock-retain-until-date";
    static final String LEGAL_HOLD = "x-amz-object-lock-legal-hold";

    /** A retention: its mode and the instant until which the version is kept. */
    record Retention(String mode, Instant retainUntil) {
    }

    /** One version's lock state; either part may be absent (a legal hold never set is null, not OFF). */
    record Lock(Retention retention, Boolean legalHold) {
    }

    private final Map<String, Lock> locks = new HashMap<>();

    private static String id(String key, String versionId) {
        return versionId + "/" + key;
    }

    Lock get(String key, String versionId) {
        return locks.get(id(key, versionId));
    }

    void retention(String key, String versionId, Retention retention) {
        Lock old = get(key, versionId);
        put(key, versionId, new Lock(retention, old == null ? null : old.legalHold()));
    }

    void legalHold(String key, String versionId, boolean on) {
        Lock old = get(key, versionId);
        put(key, versionId, new Lock(old == null ? null : old.retention(), on));
    }

    /** Sets a new version's lock (null: none). */
    void put(String key, String versionId, Lock lock) {
        if (lock == null || (lock.retention() == null && lock.legalHold() == null)) {
            locks.remove(id(key, versionId));
        } else {
            locks.put(id(key, versionId), lock);
        }
    }

    /** Forgets a version that is gone. */
    void remove(String key, String versionId) {
        locks.remove(id(key, versionId));
    }

    /** Every lock, for snapshots, by {@code versionId/key}. */
    Map<String, Lock> all() {
        return locks;
    }

    /**
     * Refuses to delete (or shorten the retention of) a version that its lock protects at {@code now}: 403
     * AccessDenied with S3's sentence.
     */
    void checkRemovable(String key, String versionId, Instant now, boolean bypassGovernance) {
        Lock lock = get(key, versionId);
        if (lock == null) {
            return;
        }
        if (Boolean.TRUE.equals(lock.legalHold()) || protects(lock.retention(), now, bypassGovernance)) {
            throw protectedByObjectLock();
        }
    }

    /** Whether {@code retention} still keeps its version at {@code now}. */
    static boolean protects(Retention retention, Instant now, boolean bypassGovernance) {
        return retention != null && retention.retainUntil().isAfter(now)
                && !(retention.mode().equals("GOVERNANCE") && bypassGovernance);
    }

    static RestXmlError protectedByObjectLock() {
        return new RestXmlError("AccessDenied", 403, "Access Denied because object protected by object lock.");
    }

    /** The lock headers GetObject and HeadObject answer. */
    static void answer(Lock lock, RestOutput out) {
        if (lock == null) {
            return;
        }
        if (lock.retention() != null) {
            out.header(MODE, lock.retention().mode()).header(RETAIN_UNTIL, S3Time.iso(lock.retention().retainUntil()));
        }
        out.header(LEGAL_HOLD, lock.legalHold() == null ? null : lock.legalHold() ? "ON" : "OFF");
    }
}
