package dev.simstack.core.internal.services.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer managed policy and its versions ({@code v1}, {@code v2}, ...; one of them the default, the one
 * in force). Changed only under the IAM store's lock.
 */
final class ManagedPolicy {

    /** IAM's quota: five versions of a managed policy. */
    static final int VERSIONS_MAX = 5;

    final String name;
    final String path;
    final String id;
    final String arn;
    final String description;
    final Instant created;
    final Map<String, String> tags = new LinkedHashMap<>();
    /** The versions by number; numbers are never reused, even after a version is deleted. */
    final TreeMap<Integer, Version> versions = new TreeMap<>();
    String defaultVersion;
    Instant updated;
    private int lastNumber;
    int attachments;

    /** One version of the policy's document. */
    record Version(String id, String document, Instant created) {
    }

    ManagedPolicy(String name, String path, String id, String arn, String description, String document,
            Instant created) {
        this.name = name;
        this.path = path;
        this.id = id;
        this.arn = arn;
        this.description = description;
        this.created = created;
        this.defaultVersion = addVersion(document, created).id();
        this.updated = created;
    }

    /** A new version, numbered one past the highest ever made. */
    Version addVersion(String document, Instant at) {
        int number = ++lastNumber;
        Version version = new Version("v" + number, document, at);
        versions.put(number, version);
        return version;
    }

    /**
     * Replaces the versions with those a snapshot saved; {@code lastNumber} is the highest number ever made, so
     * the next version is still numbered past every deleted one.
     */
    void reloadVersions(List<Version> saved, int savedLastNumber, String savedDefault) {
        versions.clear();
        saved.forEach(version -> versions.put(Integer.parseInt(version.id().substring(1)), version));
        lastNumber = savedLastNumber;
        defaultVersion = savedDefault;
    }

    /** The highest version number ever made. */
    int lastNumber() {
        return lastNumber;
    }

    /** The version {@code versionId}, or null. */
    Version version(String versionId) {
        return versions.values().stream().filter(version -> version.id().equals(versionId)).findFirst().orElse(null);
    }

    /** The versions, newest first, as ListPolicyVersions answers them. */
    List<Version> newestFirst() {
        return List.copyOf(versions.descendingMap().values());
    }
}
