package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.ResourceRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One function: its ARN, current configuration, published versions and aliases, reserved concurrency,
 * event-invoke config and warm execution environments. Settings are values swapped under this object's
 * lock.
 */
final class LambdaFunction {

    /** PutFunctionEventInvokeConfig; AWS's defaults are 2 retries and 6 hours. */
    record EventInvokeConfig(int maximumRetryAttempts, int maximumEventAgeSeconds, String onSuccess,
            String onFailure) {
        static final EventInvokeConfig DEFAULT = new EventInvokeConfig(2, 21_600, null, null);
    }

    private final ResourceRef ref;
    private final String arn;
    private volatile long createdAt;
    private volatile FunctionConfig config;
    private volatile Integer reservedConcurrency;
    private volatile EventInvokeConfig eventInvokeConfig = EventInvokeConfig.DEFAULT;
    private volatile long lastModified;
    private volatile long generation;
    private final TreeMap<Integer, FunctionConfig> versions = new TreeMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final ArrayDeque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private int busy;

    LambdaFunction(String name, String region, String accountId, FunctionConfig config, long now) {
        this.ref = ResourceRef.function(region, accountId, name);
        this.arn = ref.arn();
        this.config = config;
        this.createdAt = now;
        this.lastModified = now;
    }

    /** The function's identity (unqualified), as the ledger names it. */
    ResourceRef ref() {
        return ref;
    }

    String name() {
        return ref.name();
    }

    String region() {
        return ref.region();
    }

    String arn() {
        return arn;
    }

    FunctionConfig config() {
        return config;
    }

    long lastModified() {
        return lastModified;
    }

    long createdAt() {
        return createdAt;
    }

    /** Updates the configuration; AWS starts new environments for the new code or settings. */
    synchronized void update(FunctionConfig next, long now) {
        config = next;
        lastModified = now;
        generation++;
        idle.clear();
    }

    long generation() {
        return generation;
    }

    Integer reservedConcurrency() {
        return reservedConcurrency;
    }

    void reservedConcurrency(Integer value) {
        reservedConcurrency = value;
    }

    EventInvokeConfig eventInvokeConfig() {
        return eventInvokeConfig;
    }

    void eventInvokeConfig(EventInvokeConfig value) {
        eventInvokeConfig = value;
    }

    /** A reloaded function keeps its times, published versions and aliases. */
    synchronized void restore(long created, long modified, Map<Integer, FunctionConfig> published,
            Map<String, String> aliasVersions) {
        createdAt = created;
        lastModified = modified;
        versions.putAll(published);
        aliases.putAll(aliasVersions);
    }

    /** PublishVersion: the new version number. */
    synchronized int publish() {
        int next = versions.isEmpty() ? 1 : versions.lastKey() + 1;
        versions.put(next, config);
        return next;
    }

    synchronized List<Integer> versions() {
        return new ArrayList<>(versions.keySet());
    }

    synchronized FunctionConfig version(int number) {
        return versions.get(number);
    }

    synchronized void alias(String aliasName, String version) {
        aliases.put(aliasName, version);
    }

    synchronized String alias(String aliasName) {
        return aliases.get(aliasName);
    }

    synchronized Map<String, String> aliases() {
        return new LinkedHashMap<>(aliases);
    }

    synchronized boolean removeAlias(String aliasName) {
        return aliases.remove(aliasName) != null;
    }

    /** Environments serving an invocation right now. */
    synchronized int busy() {
        return busy;
    }

    /** Counts an invocation in if {@code limit} allows; false when the function is at its limit. */
    synchronized boolean reserve(int limit) {
        if (busy >= limit) {
            return false;
        }
        busy++;
        return true;
    }

    synchronized void release() {
        busy--;
    }

    /** A warm environment of the current generation, or null (a cold start follows). */
    synchronized ExecutionEnvironment takeWarm() {
        ExecutionEnvironment env = idle.pollLast();
        return env != null && env.generation() == generation ? env : null;
    }

    /** Keeps {@code env} warm for the next invocation unless the function changed meanwhile. */
    synchronized void keepWarm(ExecutionEnvironment env) {
        if (env.generation() == generation) {
            idle.addLast(env);
        }
    }
}
