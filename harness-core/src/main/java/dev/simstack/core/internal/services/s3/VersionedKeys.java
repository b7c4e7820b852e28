package dev.simstack.core.internal.services.s3;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The objects of one bucket: for each key its versions, newest first, in S3's key order. Not
 * thread-safe; its {@link Bucket} serialises access.
 */
final class VersionedKeys {

    private final NavigableMap<String, List<ObjectVersion>> keys = new TreeMap<>(KeyOrder.INSTANCE);

    /** The newest version of {@code key} (maybe a delete marker), or null. */
    ObjectVersion latest(String key) {
        List<ObjectVersion> versions = keys.get(key);
        return versions == null ? null : versions.get(0);
    }

    /** The version {@code versionId} of {@code key}, or null. */
    ObjectVersion version(String key, String versionId) {
        List<ObjectVersion> versions = keys.get(key);
        if (versions != null) {
            for (ObjectVersion version : versions) {
                if (version.versionId().equals(versionId)) {
                    return version;
                }
            }
        }
        return null;
    }

    /**
     * Adds {@code version} as the newest. A version called "null" (written while versioning is off or
     * suspended) replaces the key's earlier "null" version, which S3 overwrites in place; returns the
     * versions replaced, whose bytes the caller frees.
     */
    List<ObjectVersion> add(ObjectVersion version) {
        List<ObjectVersion> versions = keys.computeIfAbsent(version.key(), k -> new ArrayList<>(1));
        List<ObjectVersion> replaced = new ArrayList<>(1);
        if (version.versionId().equals(ObjectVersion.NULL_VERSION)) {
            versions.removeIf(old -> {
                boolean same = old.versionId().equals(ObjectVersion.NULL_VERSION);
                if (same) {
                    replaced.add(old);
                }
                return same;
            });
        }
        versions.add(0, version);
        return replaced;
    }

    /** Removes one version for good; returns it, or null if there was none. */
    ObjectVersion remove(String key, String versionId) {
        List<ObjectVersion> versions = keys.get(key);
        if (versions == null) {
            return null;
        }
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).versionId().equals(versionId)) {
                ObjectVersion removed = versions.remove(i);
                if (versions.isEmpty()) {
                    keys.remove(key);
                }
                return removed;
            }
        }
        return null;
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** Keys from {@code from} (inclusive or not) on, in S3's order, with their versions newest first. */
    NavigableMap<String, List<ObjectVersion>> from(String from, boolean inclusive) {
        return from == null ? keys : keys.tailMap(from, inclusive);
    }

    /** Every version of every key, for releasing their bytes when the bucket goes. */
    List<ObjectVersion> all() {
        List<ObjectVersion> all = new ArrayList<>();
        keys.values().forEach(all::addAll);
        return all;
    }
}
