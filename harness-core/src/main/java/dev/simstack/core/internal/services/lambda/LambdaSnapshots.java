package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.persist.BlobSink;
import dev.simstack.core.internal.persist.BlobSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Lambda state for a data directory: every function's configuration, published versions, aliases,
 * reserved concurrency and event-invoke config, and every SQS and DynamoDB stream event source mapping (a
 * stream mapping reads the reloaded stream from its start: stream records are not saved). Handler instances,
 * warm environments and invocations in progress are not state that can be saved: a reloaded function
 * starts cold. An uploaded package is saved as a blob (content-addressed, so a package shared by versions,
 * or unchanged since the last save, is stored once) and unpacked again at the reload, so every version runs
 * its own code; a function whose handler is on the class path needs it on the reloading JVM's class path.
 */
public final class LambdaSnapshots {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LambdaSnapshots() {
    }

    public static ObjectNode export(LambdaService service, BlobSink blobs) {
        ObjectNode json = NODES.objectNode();
        ArrayNode functions = json.putArray("functions");
        ArrayNode mappings = json.putArray("mappings");
        ArrayNode streamMappings = json.putArray("streamMappings");
        for (LambdaRegion region : service.regions().all()) {
            for (LambdaFunction function : region.functions().list()) {
                // Under the function's lock: UpdateFunctionCode deletes a package no version runs any more.
                synchronized (function) {
                    export(region, function, functions.addObject(), blobs);
                }
            }
            for (StreamPoller poller : region.mappings().streams()) {
                if (!poller.sourceGone()) { // its table was reset: a stream of the same ARN may now be another one
                    streamMappings.add(streamMapping(region, poller.mapping()));
                }
            }
            for (SqsPoller poller : region.mappings().list()) {
                EventSourceMapping mapping = poller.mapping();
                mappings.addObject().put("region", region.name()).put("uuid", mapping.uuid())
                        .put("functionArn", mapping.functionArn()).put("queueArn", mapping.queueArn())
                        .put("batchSize", mapping.batchSize())
                        .put("batchingWindowSeconds", mapping.batchingWindowSeconds())
                        .put("maximumConcurrency", mapping.maximumConcurrency())
                        .put("reportBatchItemFailures", mapping.reportBatchItemFailures())
                        .put("enabled", mapping.enabled()).put("lastModified", mapping.lastModified());
            }
        }
        return json;
    }

    private static void export(LambdaRegion region, LambdaFunction function, ObjectNode node, BlobSink blobs) {
        node.put("region", region.name());
        node.put("name", function.name());
        node.put("createdAt", function.createdAt());
        node.put("lastModified", function.lastModified());
        node.set("config", config(function.config(), blobs));
        if (function.reservedConcurrency() != null) {
            node.put("reservedConcurrency", function.reservedConcurrency());
        }
        LambdaFunction.EventInvokeConfig invoke = function.eventInvokeConfig();
        node.putObject("eventInvokeConfig").put("maximumRetryAttempts", invoke.maximumRetryAttempts())
                .put("maximumEventAgeSeconds", invoke.maximumEventAgeSeconds())
                .put("onSuccess", invoke.onSuccess()).put("onFailure", invoke.onFailure());
        ObjectNode versions = node.putObject("versions");
        for (int version : function.versions()) {
            versions.set(String.valueOf(version), config(function.version(version), blobs));
        }
        ObjectNode aliases = node.putObject("aliases");
        function.aliases().forEach(aliases::put);
    }

    /**
     * Recreates the snapshot's functions and starts its event source mappings (SQS must be loaded first:
     * the pollers start receiving at once).
     *
     * @return the number of functions and of event source mappings loaded
     */
    public static long[] restore(LambdaService service, JsonNode snapshot, BlobSource blobs) {
        LambdaRegions regions = service.regions();
        long functions = 0;
        for (JsonNode node : snapshot.path("functions")) {
            String region = node.path("region").asText();
            // Versions that ran the same package share one unpacked copy, as they did before the save.
            Map<String, FunctionCode> packages = new HashMap<>();
            Function<JsonNode, FunctionConfig> config = json -> config(json, packages, service.uploads(), blobs);
            LambdaFunction function = new LambdaFunction(node.path("name").asText(), region,
                    regions.context().accountId(), config.apply(node.path("config")), node.path("createdAt").asLong());
            Map<Integer, FunctionConfig> versions = new TreeMap<>();
            node.path("versions").fields().forEachRemaining(v -> versions.put(Integer.parseInt(v.getKey()),
                    config.apply(v.getValue())));
            Map<String, String> aliases = new LinkedHashMap<>();
            node.path("aliases").fields().forEachRemaining(a -> aliases.put(a.getKey(), a.getValue().asText()));
            function.restore(node.path("createdAt").asLong(), node.path("lastModified").asLong(), versions, aliases);
            if (node.has("reservedConcurrency")) {
                function.reservedConcurrency(node.path("reservedConcurrency").asInt());
            }
            JsonNode invoke = node.path("eventInvokeConfig");
            function.eventInvokeConfig(new LambdaFunction.EventInvokeConfig(invoke.path("maximumRetryAttempts").asInt(),
                    invoke.path("maximumEventAgeSeconds").asInt(), text(invoke, "onSuccess"),
                    text(invoke, "onFailure")));
            regions.region(region).functions().add(function);
            functions++;
        }
        long mappings = 0;
        for (JsonNode node : snapshot.path("mappings")) {
            JsonNode concurrency = node.path("maximumConcurrency");
            service.startMapping(regions.region(node.path("region").asText()), new EventSourceMapping(
                    node.path("uuid").asText(), node.path("functionArn").asText(), node.path("queueArn").asText(),
                    node.path("batchSize").asInt(), node.path("batchingWindowSeconds").asInt(),
                    concurrency.isNumber() ? concurrency.asInt() : null, node.path("reportBatchItemFailures").asBoolean(),
                    node.path("enabled").asBoolean(), node.path("lastModified").asLong()));
            mappings++;
        }
        for (JsonNode node : snapshot.path("streamMappings")) {
            if (service.startStreamMapping(regions.region(node.path("region").asText()), streamMapping(node))) {
                mappings++;
            }
        }
        return new long[] {functions, mappings};
    }

    private static ObjectNode streamMapping(LambdaRegion region, StreamMapping mapping) {
        ObjectNode json = NODES.objectNode().put("region", region.name()).put("uuid", mapping.uuid())
                .put("functionArn", mapping.functionArn()).put("streamArn", mapping.streamArn())
                .put("startingPosition", mapping.startingPosition()).put("batchSize", mapping.batchSize())
                .put("batchingWindowSeconds", mapping.batchingWindowSeconds())
                .put("bisectOnError", mapping.bisectOnError())
                .put("maximumRetryAttempts", mapping.maximumRetryAttempts())
                .put("maximumRecordAgeSeconds", mapping.maximumRecordAgeSeconds())
                .put("reportBatchItemFailures", mapping.reportBatchItemFailures())
                .put("onFailureArn", mapping.onFailureArn()).put("enabled", mapping.enabled())
                .put("lastModified", mapping.lastModified());
        ArrayNode filters = json.putArray("filters");
        mapping.filters().forEach(filters::add);
        return json;
    }

    private static StreamMapping streamMapping(JsonNode json) {
        List<String> filters = new ArrayList<>();
        json.path("filters").forEach(filter -> filters.add(filter.asText()));
        return new StreamMapping(json.path("uuid").asText(), json.path("functionArn").asText(),
                json.path("streamArn").asText(), json.path("startingPosition").asText(), json.path("batchSize").asInt(),
                json.path("batchingWindowSeconds").asInt(), json.path("bisectOnError").asBoolean(),
                json.path("maximumRetryAttempts").asInt(), json.path("maximumRecordAgeSeconds").asInt(),
                json.path("reportBatchItemFailures").asBoolean(), text(json, "onFailureArn"), List.copyOf(filters),
                json.path("enabled").asBoolean(), json.path("lastModified").asLong());
    }

    private static ObjectNode config(FunctionConfig config, BlobSink blobs) {
        ObjectNode json = NODES.objectNode();
        json.put("handler", config.handler()).put("runtime", config.runtime())
                .put("timeoutSeconds", config.timeoutSeconds()).put("memorySize", config.memorySize())
                .put("role", config.role()).put("description", config.description())
                .put("deadLetterArn", config.deadLetterArn()).put("coldStartMillis", config.coldStartMillis())
                .put("codeSha256", config.code().sha256()).put("codeSize", config.code().size());
        if (config.code().archive() != null) {
            json.put("codeBlob", blobs.put(config.code().archive(), config.code().sha256Hex()));
        }
        ObjectNode environment = json.putObject("environment");
        new TreeMap<>(config.environment()).forEach(environment::put);
        return json;
    }

    private static FunctionConfig config(JsonNode json, Map<String, FunctionCode> packages, CodeUploads uploads,
            BlobSource blobs) {
        Map<String, String> environment = new LinkedHashMap<>();
        json.path("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        String blob = text(json, "codeBlob");
        FunctionCode code = blob == null ? FunctionCode.classPath(text(json, "codeSha256"), json.path("codeSize").asLong())
                : packages.computeIfAbsent(blob, b -> uploads.reload(blobs.file(b)));
        return new FunctionConfig(json.path("handler").asText(), text(json, "runtime"),
                json.path("timeoutSeconds").asInt(), json.path("memorySize").asInt(), environment, text(json, "role"),
                text(json, "description"), text(json, "deadLetterArn"), json.path("coldStartMillis").asLong(), code);
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.path(name);
        return value.isTextual() ? value.textValue() : null;
    }
}
