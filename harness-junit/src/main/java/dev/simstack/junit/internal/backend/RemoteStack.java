package dev.simstack.junit.internal.backend;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.StackConfig;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.WireFault;
import dev.simstack.junit.Backend;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Transport;
import dev.simstack.junit.internal.Misuse;
import dev.simstack.junit.internal.SdkClients;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * A declaration's resources on a backend other than the embedded engine: queues (with their redrive policies),
 * tables (with their indexes and streams), buckets, functions packaged from the test class path (with their SQS and
 * DynamoDB event sources), REST APIs (with their usage plans and keys) and HTTP APIs created through the AWS APIs
 * when the class starts, tagged with the run, and deleted when it ends. A test's wire faults act on the injected
 * clients ({@link ClientFaults}). What needs the engine (templates, a manual or scaled clock, semantic faults,
 * handles) fails fast, naming the backend.
 */
public final class RemoteStack implements AutoCloseable {

    /** The tag every created resource carries, valued with the run's id. */
    static final String RUN_TAG = "simstack:run";

    private final RemoteTarget target;
    private final String testClass;
    private final RemoteResources resources;
    private final SdkClients creating;
    private final SdkClients injected;
    private final ClientFaults faults;
    private final ClientLedger ledger;
    private final Map<String, String> backendNames;

    private RemoteStack(RemoteTarget target, StackConfig config, String testClass) {
        this.target = target;
        this.testClass = testClass;
        this.resources = new RemoteResources(testClass + " on backend " + target.describe(), System.err);
        this.creating = SdkClients.remote(target::configure);
        Map<String, String> tables = renamed(config.tables(), t -> t.name());
        Map<String, String> buckets = renamed(config.buckets(), b -> b.name());
        Map<String, String> queues = renamed(config.queues(), q -> q.name());
        Map<String, String> functions = renamed(config.functions(), f -> f.name());
        Map<String, String> declared = declaredNames(tables, buckets, queues, functions);
        this.backendNames = backendNames(tables, buckets, queues, functions);
        this.faults = new ClientFaults(declared, Clock.systemUTC());
        this.ledger = new ClientLedger(target.describe(), testClass, Clock.systemUTC());
        LedgerRecorder recorder = new LedgerRecorder(ledger, new ClientEffects(ledger, keyNames(config), declared),
                declared);
        // The recorder first, so that it sees each attempt begin before a fault answers it.
        ClientOverrideConfiguration names = ClientOverrideConfiguration.builder().addExecutionInterceptor(recorder)
                .addExecutionInterceptor(faults)
                .addExecutionInterceptor(new PrefixedNames(tables, buckets, queues, functions)).build();
        this.injected = SdkClients.remote((builder, region) -> target.configure(builder, region)
                .overrideConfiguration(names));
    }

    /**
     * Opens {@code backend} for {@code config} (what {@code declaration} on {@code testClass} declares) and
     * creates its resources; on failure, deletes what it created and closes the backend.
     *
     * @throws Misuse when the declaration asks for what the backend cannot provide, or creating a resource fails
     */
    public static RemoteStack start(Backend backend, SimStack declaration, StackConfig config, RunSettings settings,
            Class<?> testClass) {
        String on = "@SimStack on " + testClass.getSimpleName();
        refuseWhatNeedsTheEngine(backend, declaration, config, on);
        RemoteTarget target = RemoteTargets.open(backend, declaration, config.regions(), settings, on);
        RemoteStack stack = new RemoteStack(target, config, testClass.getSimpleName());
        try {
            // Each kind's creator names its SDK module, so it runs only when that kind is declared.
            if (!config.queues().isEmpty()) {
                RemoteQueues.create(config.queues(), target, stack.creating, stack.resources);
            }
            if (!config.tables().isEmpty()) {
                RemoteTables.create(config.tables(), target, stack.creating, stack.resources);
            }
            if (!config.buckets().isEmpty()) {
                RemoteBuckets.create(config.buckets(), target, stack.creating, stack.resources);
            }
            if (!config.functions().isEmpty()) {
                new RemoteFunctions(target, stack.creating, stack.resources, excludedJars(settings),
                        testClass.getClassLoader(), stack.backendNames, directUploadLimit(settings))
                        .create(config.functions());
            }
            if (!config.apis().isEmpty()) {
                new RemoteApis(target, stack.creating, stack.resources).create(config.apis());
            }
        } catch (RuntimeException e) {
            stack.close();
            throw new Misuse(on + " could not create its resources on backend " + target.describe() + ": "
                    + e.getMessage(), e);
        }
        stack.resources.report(target.runId());
        stack.declareInLedger(config);
        return stack;
    }

    private static void refuseWhatNeedsTheEngine(Backend backend, SimStack declaration, StackConfig config,
            String on) {
        List<String> refused = new ArrayList<>();
        names("functions with a cold start delay", config.functions().stream()
                .filter(f -> !f.coldStartDelay().isZero()).collect(Collectors.toList()), f -> f.name(), refused);
        // HTTP APIs have no API keys (AWS's rule).
        names("HTTP APIs with usage plans or API keys", config.apis().stream().filter(a -> a.kind()
                == ApiSpec.Kind.HTTP && (!a.usagePlans().isEmpty() || a.routes().stream()
                        .anyMatch(ApiSpec.Route::apiKeyRequired))).collect(Collectors.toList()), a -> a.name(),
                refused);
        names("tables with replicas", config.tables().stream().filter(t -> !t.replicas().isEmpty())
                .collect(Collectors.toList()), t -> t.name(), refused);
        names("buckets with notifications", config.buckets().stream().filter(b -> !b.notifications().isEmpty())
                .collect(Collectors.toList()), b -> b.name(), refused);
        names("templates", config.resourceFiles(), p -> p.getFileName().toString(), refused);
        names("interceptors", config.interceptors(), i -> i.getClass().getSimpleName(), refused);
        if (!config.clock().toString().equals(ClockSpec.real().toString())) {
            refused.add("clock = \"" + declaration.clock() + "\"");
        }
        if (declaration.transport() == Transport.IN_PROCESS) {
            refused.add("transport = IN_PROCESS");
        }
        if (!refused.isEmpty()) {
            throw new Misuse(on + " runs on backend " + backend + ", which cannot provide " + String.join(", ",
                    refused) + ": these need SimStack's embedded engine (queues, tables, buckets, functions with"
                    + " SQS and DynamoDB event sources, REST and HTTP APIs are what a remote backend creates); pin"
                    + " the class with @SimStack(backend = Backend.EMBEDDED)");
        }
    }

    private static <T> void names(String kind, List<T> declared, Function<T, String> name, List<String> refused) {
        if (!declared.isEmpty()) {
            refused.add(kind + " " + declared.stream().map(name).collect(Collectors.toList()));
        }
    }

    private <T> Map<String, String> renamed(List<T> specs, Function<T, String> name) {
        return specs.stream().map(name).distinct().collect(Collectors.toMap(n -> n, target::name));
    }

    /** The jars (file name prefixes) the run leaves out of function packages. */
    private static List<String> excludedJars(RunSettings settings) {
        return settings.get(FunctionPackage.FUNCTIONS_EXCLUDE).map(list -> List.of(list.split("\\s*,\\s*")))
                .orElse(List.of());
    }

    /** The most zipped bytes a function's package is uploaded directly with; above, it goes through S3. */
    private static long directUploadLimit(RunSettings settings) {
        String limit = settings.get(FunctionPackage.DIRECT_UPLOAD_SETTING).orElse(null);
        if (limit == null) {
            return FunctionPackage.DIRECT_UPLOAD_LIMIT;
        }
        try {
            return Long.parseLong(limit);
        } catch (NumberFormatException e) {
            throw new Misuse(FunctionPackage.DIRECT_UPLOAD_SETTING + " is a number of bytes, got '" + limit + "'");
        }
    }

    /** Every declared name to its name on the backend. */
    @SafeVarargs
    private static Map<String, String> backendNames(Map<String, String>... renamed) {
        Map<String, String> names = new HashMap<>();
        for (Map<String, String> kind : renamed) {
            names.putAll(kind);
        }
        return names;
    }

    /** Tells the ledger the created resources, named as its entries will name them. */
    private void declareInLedger(StackConfig config) {
        String home = target.regions().get(0);
        config.queues().forEach(queue -> {
            String region = queue.region() == null ? home : queue.region();
            String url = resources.queueUrl(region, queue.name());
            ledger.declare(ResourceRef.queue(region, url == null ? "" : ClientEffects.accountOf(url), queue.name()));
        });
        config.tables().forEach(table -> ledger.declare(ResourceRef.table(table.region() == null ? home
                : table.region(), "", table.name())));
        config.buckets().forEach(bucket -> ledger.declare(ResourceRef.bucket(bucket.region() == null ? home
                : bucket.region(), "", bucket.name())));
        config.functions().forEach(function -> ledger.declare(ResourceRef.function(function.region() == null ? home
                : function.region(), "", function.name())));
    }

    /** Each declared table's key attribute names, partition key first. */
    private static Map<String, List<String>> keyNames(StackConfig config) {
        Map<String, List<String>> keys = new HashMap<>();
        config.tables().forEach(table -> keys.put(table.name(), table.sortKey() == null
                ? List.of(table.partitionKey().name()) : List.of(table.partitionKey().name(), table.sortKey().name())));
        return keys;
    }

    /** The backend's names to the declared ones, so that fault rules match the names a test declared. */
    @SafeVarargs
    private static Map<String, String> declaredNames(Map<String, String>... renamed) {
        Map<String, String> declared = new HashMap<>();
        for (Map<String, String> kind : renamed) {
            kind.forEach((name, onBackend) -> declared.put(onBackend, name));
        }
        return declared;
    }

    /**
     * Applies {@code plan} on the injected clients from now on (a test's wire faults), its draws seeded from
     * {@code seed}; {@link FaultPlan#none()} lifts it.
     *
     * @param where the test, for the message, e.g. {@code Throttled.sends}
     * @throws Misuse naming the backend, when the plan holds what only the engine can do: semantic faults, or a
     *     dropped connection
     */
    public void applyFaults(FaultPlan plan, long seed, String where) {
        List<String> refused = new ArrayList<>();
        plan.semanticFaults().forEach(fault -> refused.add("the semantic fault " + fault));
        plan.rules().stream().filter(rule -> rule.wire() == WireFault.DROP)
                .forEach(rule -> refused.add("the dropped connection of rule '" + rule.name() + "'"));
        if (!refused.isEmpty()) {
            throw needsEngine(String.join(", ", refused) + " (on " + where + ")");
        }
        faults.replace(plan, seed);
    }

    /** What the injected clients saw: the ledger of a remote backend. */
    public ClientLedger ledger() {
        return ledger;
    }

    /** The backend, e.g. {@code AWS}. */
    public Backend backend() {
        return target.backend();
    }

    /** The regions the clients may ask for, the default one first. */
    public List<String> regions() {
        return target.regions();
    }

    /** The URL of the queue declared as {@code name} in {@code region}. */
    public String queueUrl(String region, String name) {
        String url = resources.queueUrl(region, name);
        if (url == null) {
            throw new Misuse("the stack declares no queue '" + name + "' in " + region + ": declare it, e.g."
                    + " @Queue(name = \"" + name + "\")");
        }
        return url;
    }

    /** The invoke URL, with its stage, of the API declared as {@code name} in {@code region}. */
    public String apiUrl(String region, String name) {
        String url = resources.apiUrl(region, name);
        if (url == null) {
            throw new Misuse("the stack declares no API '" + name + "' in " + region + ": declare it, e.g."
                    + " @Api(name = \"" + name + "\", routes = ...)");
        }
        return url;
    }

    /** The injected client of {@code type} in {@code region}: declared names resolve to the backend's. */
    public Object client(Class<?> type, String region) {
        return injected.client(type, region);
    }

    /** The failure of {@code what}, which only the embedded engine provides, naming this backend and the fix. */
    public Misuse needsEngine(String what) {
        return new Misuse(what + " needs SimStack's embedded engine, and " + testClass + " runs on backend "
                + target.describe() + ": use the injected SDK clients and @QueueUrl there, or pin the class with"
                + " @SimStack(backend = Backend.EMBEDDED)");
    }

    @Override
    public void close() {
        try {
            injected.close();
            resources.close();
            creating.close();
        } finally {
            try {
                target.close();
            } catch (Exception e) {
                System.err.println("SimStack: could not stop backend " + target.describe() + ": " + e.getMessage());
            }
        }
    }
}
