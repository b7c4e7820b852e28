package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.ResourceRef;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One function: its ARN, current configuration, published versions and aliases, reserved concurrency,
 * event-invoke config, warm execution environments and the class loaders of its uploaded code, one per
 * version. Settings are values swapped under this object's lock.
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
    /** By version ({@code $LATEST} or a number): the loader of that version's unpacked package. */
    private final Map<String, LoadedCode> loaders = new LinkedHashMap<>();
    private boolean discarded;

    /** A version's package in its own class loader, with an invoker (and its Jackson caches) of its own. */
    private record LoadedCode(FunctionCode code, PackageClassLoader loader, HandlerInvoker invoker) {
    }
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
        FunctionCode old = config.code();
        config = next;
        if (next.code() != old) {
            closeLoader("$LATEST");
            if (old.unpacked() && !versions.values().stream().anyMatch(v -> v.code() == old)) {
                old.deleteFiles();
            }
        }
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

    /** A warm environment of {@code version} of the current generation, or null (a cold start follows). */
    synchronized ExecutionEnvironment takeWarm(String version) {
        for (Iterator<ExecutionEnvironment> it = idle.descendingIterator(); it.hasNext();) {
            ExecutionEnvironment env = it.next();
            if (env.generation() != generation) {
                it.remove();
            } else if (env.version().equals(version)) {
                it.remove();
                return env;
            }
        }
        return null;
    }

    /** Keeps {@code env} warm for the next invocation unless the function changed meanwhile. */
    synchronized void keepWarm(ExecutionEnvironment env) {
        if (env.generation() == generation) {
            idle.addLast(env);
        }
    }

    /**
     * The invoker of {@code version} running {@code code}: {@code classPath}'s when the code is not an unpacked
     * package, else one over the version's own class loader (created on first use; {@code $LATEST}'s is
     * replaced when its code changes).
     *
     * @param runtime the loader the Lambda runtime types are shared from
     */
    synchronized HandlerInvoker invoker(String version, FunctionCode code, HandlerInvoker classPath,
            ClassLoader runtime) {
        if (!code.unpacked()) {
            return classPath;
        }
        LoadedCode loaded = loaders.get(version);
        if (loaded != null && loaded.code() == code) {
            return loaded.invoker();
        }
        if (discarded) {
            throw new IllegalStateException("function " + arn + " was deleted");
        }
        PackageClassLoader loader = new PackageClassLoader(name() + ":" + version, code.directory(), runtime);
        HandlerInvoker invoker = new HandlerInvoker(loader);
        FunctionConfig current = version.equals("$LATEST") ? config : versions.get(Integer.parseInt(version));
        if (current != null && current.code() == code) {
            closeLoader(version);
            loaders.put(version, new LoadedCode(code, loader, invoker));
        }
        // else an invocation that started before UpdateFunctionCode: its loader is its own, left to the collector
        return invoker;
    }

    /** The class loader of {@code version}'s package, or null when it has none loaded (tests observe it). */
    synchronized ClassLoader loader(String version) {
        LoadedCode loaded = loaders.get(version);
        return loaded == null ? null : loaded.loader();
    }

    /**
     * The function is gone (DeleteFunction, a reset, the stack stops): every version's class loader is closed
     * and its unpacked packages are deleted. Handlers still running finish with what they have loaded.
     */
    synchronized void discard() {
        discarded = true;
        idle.clear();
        Set<FunctionCode> codes = new HashSet<>(versions.values().stream().map(FunctionConfig::code).toList());
        codes.add(config.code());
        for (String version : List.copyOf(loaders.keySet())) {
            closeLoader(version);
        }
        codes.stream().filter(FunctionCode::unpacked).forEach(FunctionCode::deleteFiles);
    }

    private void closeLoader(String version) {
        LoadedCode loaded = loaders.remove(version);
        if (loaded != null) {
            try {
                loaded.loader().close();
            } catch (IOException e) {
                // a jar that cannot be closed stays open until the process ends; nothing else depends on it
            }
        }
    }
}
