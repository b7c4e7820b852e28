package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsService;
import dev.simstack.core.internal.arn.ResourceArns;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;

/** Reserved concurrency, the event-invoke config of asynchronous invocations, and account settings. */
final class ConcurrencyActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LambdaRegions regions;

    ConcurrencyActions(LambdaRegions regions) {
        this.regions = regions;
    }

    void register(OperationTable<LambdaOperation> operations) {
        operations.put("PutFunctionConcurrency", LambdaOperation.sync(this::put));
        operations.put("GetFunctionConcurrency", LambdaOperation.sync(this::get));
        operations.put("DeleteFunctionConcurrency", LambdaOperation.sync(this::delete));
        operations.put("PutFunctionEventInvokeConfig", LambdaOperation.sync(this::putEventInvokeConfig));
        operations.put("GetFunctionEventInvokeConfig", LambdaOperation.sync(this::getEventInvokeConfig));
        operations.put("GetAccountSettings", LambdaOperation.sync(this::accountSettings));
    }

    private LambdaFunction function(DecodedCall call, Input input) {
        return regions.function(call.region(), FunctionRef.parse(input.requiredString("FunctionName"), null));
    }

    private JsonNode put(DecodedCall call, Input input) {
        LambdaFunction function = function(call, input);
        Integer wanted = input.integer("ReservedConcurrentExecutions");
        if (wanted == null) {
            throw LambdaErrors.invalidParameter("ReservedConcurrentExecutions is required.");
        }
        setReserved(regions.region(call.region()), function, wanted);
        ObjectNode output = NODES.objectNode();
        output.put("ReservedConcurrentExecutions", wanted);
        return output;
    }

    /** PutFunctionConcurrency's rule: the account keeps its minimum of unreserved concurrency. */
    static void setReserved(LambdaRegion region, LambdaFunction function, int wanted) {
        ConcurrencyLimits limits = region.limits();
        synchronized (limits) {
            Integer current = function.reservedConcurrency();
            int others = region.functions().totalReserved() - (current == null ? 0 : current);
            if (wanted < 0 || limits.accountLimit() - others - wanted < limits.minimumUnreserved()) {
                throw LambdaErrors.invalidParameter("Specified ReservedConcurrentExecutions for function decreases "
                        + "account's UnreservedConcurrentExecution below its minimum value of ["
                        + limits.minimumUnreserved() + "].");
            }
            function.reservedConcurrency(wanted);
        }
    }

    private JsonNode get(DecodedCall call, Input input) {
        LambdaFunction function = function(call, input);
        ObjectNode output = NODES.objectNode();
        if (function.reservedConcurrency() != null) {
            output.put("ReservedConcurrentExecutions", function.reservedConcurrency());
        }
        return output;
    }

    private JsonNode delete(DecodedCall call, Input input) {
        function(call, input).reservedConcurrency(null);
        return NODES.objectNode();
    }

    private JsonNode putEventInvokeConfig(DecodedCall call, Input input) {
        LambdaFunction function = function(call, input);
        Integer retries = input.integer("MaximumRetryAttempts");
        Integer age = input.integer("MaximumEventAgeInSeconds");
        if (retries != null && (retries < 0 || retries > 2)) {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '" + retries + "' at "
                    + "'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or "
                    + "equal to 2");
        }
        if (age != null && (age < 60 || age > 21_600)) {
            throw LambdaErrors.invalidParameter("1 validation error detected: Value '" + age + "' at "
                    + "'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value between 60 "
                    + "and 21600");
        }
        JsonNode destinations = input.node().path("DestinationConfig");
        String onSuccess = destination(destinations.path("OnSuccess"));
        String onFailure = destination(destinations.path("OnFailure"));
        LambdaFunction.EventInvokeConfig defaults = LambdaFunction.EventInvokeConfig.DEFAULT;
        function.eventInvokeConfig(new LambdaFunction.EventInvokeConfig(
                retries == null ? defaults.maximumRetryAttempts() : retries,
                age == null ? defaults.maximumEventAgeSeconds() : age, onSuccess, onFailure));
        return eventInvokeConfig(function);
    }

    private static String destination(JsonNode node) {
        JsonNode arn = node.path("Destination");
        if (!arn.isTextual() || arn.textValue().isEmpty()) {
            return null;
        }
        if (ResourceArns.of(AwsService.SQS, arn.textValue()) == null) {
            throw LambdaErrors.invalidParameter("SimStack delivers destinations to SQS queues only; got "
                    + arn.textValue());
        }
        return arn.textValue();
    }

    private JsonNode getEventInvokeConfig(DecodedCall call, Input input) {
        return eventInvokeConfig(function(call, input));
    }

    private static JsonNode eventInvokeConfig(LambdaFunction function) {
        LambdaFunction.EventInvokeConfig config = function.eventInvokeConfig();
        ObjectNode output = NODES.objectNode();
        output.put("FunctionArn", function.arn() + ":$LATEST");
        output.put("MaximumRetryAttempts", config.maximumRetryAttempts());
        output.put("MaximumEventAgeInSeconds", config.maximumEventAgeSeconds());
        ObjectNode destinations = output.putObject("DestinationConfig");
        if (config.onSuccess() != null) {
            destinations.putObject("OnSuccess").put("Destination", config.onSuccess());
        }
        if (config.onFailure() != null) {
            destinations.putObject("OnFailure").put("Destination", config.onFailure());
        }
        return output;
    }

    private JsonNode accountSettings(DecodedCall call, Input input) {
        LambdaRegion region = regions.region(call.region());
        ObjectNode output = NODES.objectNode();
        ObjectNode limit = output.putObject("AccountLimit");
        limit.put("ConcurrentExecutions", region.limits().accountLimit());
        limit.put("UnreservedConcurrentExecutions", region.limits().unreserved());
        limit.put("CodeSizeUnzipped", 262_144_000L);
        limit.put("CodeSizeZipped", 52_428_800L);
        limit.put("TotalCodeSize", 80_530_636_800L);
        ObjectNode usage = output.putObject("AccountUsage");
        usage.put("FunctionCount", region.functions().list().size());
        usage.put("TotalCodeSize", 0);
        return output;
    }
}
