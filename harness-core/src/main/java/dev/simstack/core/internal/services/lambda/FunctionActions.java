package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsService;
import dev.simstack.core.internal.arn.ResourceArns;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CreateFunction, Get/List/Update/Delete. A code package that is a zip or jar is unpacked and run in a class
 * loader of its own ({@link CodeUploads}); other bytes leave the handler to the class path (tests' handlers).
 */
final class FunctionActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LambdaRegions regions;
    private final CodeUploads uploads;

    FunctionActions(LambdaRegions regions, CodeUploads uploads) {
        this.regions = regions;
        this.uploads = uploads;
    }

    void register(OperationTable<LambdaOperation> operations) {
        operations.put("CreateFunction", LambdaOperation.sync(this::create));
        operations.put("GetFunction", LambdaOperation.sync(this::get));
        operations.put("GetFunctionConfiguration", LambdaOperation.sync(this::getConfiguration));
        operations.put("ListFunctions", LambdaOperation.sync(this::list));
        operations.put("UpdateFunctionConfiguration", LambdaOperation.sync(this::updateConfiguration));
        operations.put("UpdateFunctionCode", LambdaOperation.sync(this::updateCode));
        operations.put("DeleteFunction", LambdaOperation.sync(this::delete));
    }

    /** Creates a function (CreateFunction's rules) and returns it. */
    LambdaFunction create(String region, String name, FunctionConfig config) {
        FunctionRef ref = FunctionRef.parse(name, null);
        LambdaFunction function = new LambdaFunction(ref.name(), region, regions.context().accountId(), config,
                regions.context().clock().millis());
        if (!regions.region(region).functions().add(function)) {
            throw LambdaErrors.conflict("Function already exist: " + ref.name());
        }
        return function;
    }

    private JsonNode create(DecodedCall call, Input input) {
        String name = input.requiredString("FunctionName");
        FunctionConfig config = config(input, null);
        if (regions.region(call.region()).functions().find(FunctionRef.parse(name, null).name()) != null) {
            create(call.region(), name, config); // the conflict, before unpacking anything
        }
        FunctionCode code = uploads.read(call.region(), input.node().path("Code"));
        LambdaFunction function;
        try {
            function = create(call.region(), name, config.withCode(code));
        } catch (RuntimeException e) {
            code.deleteFiles();
            throw e;
        }
        return FunctionJson.configuration(function, function.config(), "$LATEST");
    }

    /** The configuration {@code input} asks for, on top of {@code base} (null for CreateFunction). */
    private static FunctionConfig config(Input input, FunctionConfig base) {
        String runtime = input.has("Runtime") ? input.string("Runtime") : base == null ? null : base.runtime();
        if (runtime == null || !runtime.startsWith("java")) {
            throw LambdaErrors.invalidParameter("SimStack runs Java handlers in-process; runtime " + runtime
                    + " is not supported (use java17 or java21).");
        }
        String handler = input.has("Handler") ? input.string("Handler") : base == null ? null : base.handler();
        if (handler == null || handler.isBlank()) {
            throw LambdaErrors.invalidParameter("The Handler must be set, e.g. com.example.Handler::handleRequest");
        }
        int timeout = input.has("Timeout") ? input.integer("Timeout") : base == null ? 3 : base.timeoutSeconds();
        if (timeout < 1 || timeout > 900) {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '" + timeout + "' at 'timeout' "
                    + "failed to satisfy constraint: Member must have value less than or equal to 900");
        }
        int memory = input.has("MemorySize") ? input.integer("MemorySize") : base == null ? 128 : base.memorySize();
        if (memory < 128 || memory > 10_240) {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '" + memory + "' at "
                    + "'memorySize' failed to satisfy constraint: Member must have value between 128 and 10240");
        }
        Map<String, String> environment = base == null ? Map.of() : base.environment();
        JsonNode variables = input.node().path("Environment").path("Variables");
        if (input.has("Environment")) {
            environment = new LinkedHashMap<>();
            for (var it = variables.fields(); it.hasNext();) {
                var entry = it.next();
                environment.put(entry.getKey(), entry.getValue().asText());
            }
        }
        String dlq = base == null ? null : base.deadLetterArn();
        if (input.has("DeadLetterConfig")) {
            JsonNode target = input.node().path("DeadLetterConfig").path("TargetArn");
            dlq = target.isTextual() && !target.textValue().isEmpty() ? target.textValue() : null;
            if (dlq != null && ResourceArns.of(AwsService.SQS, dlq) == null) {
                throw LambdaErrors.invalidParameter("SimStack delivers dead letters to SQS queues only; got " + dlq);
            }
        }
        String role = input.has("Role") ? input.string("Role") : base == null ? null : base.role();
        String description = input.has("Description") ? input.string("Description")
                : base == null ? "" : base.description();
        return new FunctionConfig(handler, runtime, timeout, memory, environment, role, description, dlq,
                base == null ? 0 : base.coldStartMillis(), base == null ? FunctionCode.classPath("", 0) : base.code());
    }

    private LambdaFunction function(DecodedCall call, Input input) {
        return regions.function(call.region(), FunctionRef.parse(input.requiredString("FunctionName"), null));
    }

    private JsonNode get(DecodedCall call, Input input) {
        FunctionRef ref = FunctionRef.parse(input.requiredString("FunctionName"), input.string("Qualifier"));
        LambdaFunction function = regions.function(call.region(), ref);
        ObjectNode output = NODES.objectNode();
        output.set("Configuration", configuration(function, ref.qualifier()));
        output.putObject("Code").put("RepositoryType", "S3").put("Location", "https://awslambda-"
                + call.region() + "-tasks.s3.amazonaws.com/snapshots/" + call.accountId() + "/" + function.name());
        if (function.reservedConcurrency() != null) {
            output.putObject("Concurrency").put("ReservedConcurrentExecutions", function.reservedConcurrency());
        }
        return output;
    }

    private JsonNode getConfiguration(DecodedCall call, Input input) {
        FunctionRef ref = FunctionRef.parse(input.requiredString("FunctionName"), input.string("Qualifier"));
        return configuration(regions.function(call.region(), ref), ref.qualifier());
    }

    private static ObjectNode configuration(LambdaFunction function, String qualifier) {
        if (qualifier == null || qualifier.equals("$LATEST")) {
            return FunctionJson.configuration(function, function.config(), "$LATEST");
        }
        String version = VersionActions.resolve(function, qualifier);
        return FunctionJson.configuration(function, function.version(Integer.parseInt(version)), version);
    }

    private JsonNode list(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        ArrayNode functions = output.putArray("Functions");
        for (LambdaFunction function : regions.region(call.region()).functions().list()) {
            functions.add(FunctionJson.configuration(function, function.config(), "$LATEST"));
        }
        return output;
    }

    private JsonNode updateConfiguration(DecodedCall call, Input input) {
        LambdaFunction function = function(call, input);
        synchronized (function) {
            function.update(config(input, function.config()), regions.context().clock().millis());
        }
        return FunctionJson.configuration(function, function.config(), "$LATEST");
    }

    private JsonNode updateCode(DecodedCall call, Input input) {
        LambdaFunction function = function(call, input);
        FunctionCode code = uploads.read(call.region(), input.node());
        synchronized (function) {
            function.update(function.config().withCode(code), regions.context().clock().millis());
        }
        JsonNode output = FunctionJson.configuration(function, function.config(), "$LATEST");
        if (Boolean.TRUE.equals(input.bool("Publish"))) {
            int version = function.publish();
            return FunctionJson.configuration(function, function.version(version), Integer.toString(version));
        }
        return output;
    }

    private JsonNode delete(DecodedCall call, Input input) {
        FunctionRef ref = FunctionRef.parse(input.requiredString("FunctionName"), input.string("Qualifier"));
        LambdaFunction function = regions.function(call.region(), ref);
        if (ref.qualifier() != null && !ref.qualifier().equals("$LATEST")) {
            throw LambdaErrors.invalidParameter("Deleting a single version is not supported by SimStack yet; "
                    + "delete the whole function (see docs/compatibility.md).");
        }
        regions.region(call.region()).functions().remove(function);
        regions.region(call.region()).mappings().removeFunction(function.arn());
        function.discard();
        return NODES.objectNode();
    }
}
