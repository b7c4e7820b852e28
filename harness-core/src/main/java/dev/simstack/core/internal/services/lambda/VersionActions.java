package dev.simstack.core.internal.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;

/**
 * PublishVersion and aliases. A version is a snapshot of the configuration; an alias names a version.
 * Weighted alias routing (RoutingConfig) is not modelled.
 */
final class VersionActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final LambdaRegions regions;

    VersionActions(LambdaRegions regions) {
        this.regions = regions;
    }

    void register(OperationTable<LambdaOperation> operations) {
        operations.put("PublishVersion", LambdaOperation.sync(this::publish));
        operations.put("ListVersionsByFunction", LambdaOperation.sync(this::listVersions));
        operations.put("CreateAlias", LambdaOperation.sync(this::createAlias));
        operations.put("GetAlias", LambdaOperation.sync(this::getAlias));
        operations.put("ListAliases", LambdaOperation.sync(this::listAliases));
        operations.put("DeleteAlias", LambdaOperation.sync(this::deleteAlias));
    }

    /** The version number a qualifier (version or alias) stands for, or ResourceNotFoundException. */
    static String resolve(LambdaFunction function, String qualifier) {
        if (qualifier == null || qualifier.equals("$LATEST")) {
            return "$LATEST";
        }
        String version = qualifier.matches("\\d+") ? qualifier : function.alias(qualifier);
        if (version == null || (!version.equals("$LATEST") && function.version(Integer.parseInt(version)) == null)) {
            throw LambdaErrors.functionNotFound(function.arn() + ":" + qualifier);
        }
        return version;
    }

    private LambdaFunction function(DecodedCall call, Input input) {
        return regions.function(call.region(), FunctionRef.parse(input.requiredString("FunctionName"), null));
    }

    private JsonNode publish(DecodedCall call, Input input) {
        LambdaFunction function = function(call, input);
        int version = function.publish();
        ObjectNode json = FunctionJson.configuration(function, function.version(version), Integer.toString(version));
        if (input.has("Description")) {
            json.put("Description", input.string("Description"));
        }
        return json;
    }

    private JsonNode listVersions(DecodedCall call, Input input) {
        LambdaFunction function = function(call, input);
        ObjectNode output = NODES.objectNode();
        ArrayNode versions = output.putArray("Versions");
        versions.add(FunctionJson.configuration(function, function.config(), "$LATEST"));
        for (int version : function.versions()) {
            versions.add(FunctionJson.configuration(function, function.version(version), Integer.toString(version)));
        }
        return output;
    }

    private JsonNode createAlias(DecodedCall call, Input input) {
        LambdaFunction function = function(call, input);
        String name = input.requiredString("Name");
        String version = input.requiredString("FunctionVersion");
        resolve(function, version);
        if (function.alias(name) != null) {
            throw LambdaErrors.conflict("Alias already exists: " + function.arn() + ":" + name);
        }
        function.alias(name, version);
        return alias(function, name, version);
    }

    private JsonNode getAlias(DecodedCall call, Input input) {
        LambdaFunction function = function(call, input);
        String name = input.requiredString("Name");
        String version = function.alias(name);
        if (version == null) {
            throw LambdaErrors.notFound("Cannot find alias arn: " + function.arn() + ":" + name);
        }
        return alias(function, name, version);
    }

    private JsonNode listAliases(DecodedCall call, Input input) {
        LambdaFunction function = function(call, input);
        ObjectNode output = NODES.objectNode();
        ArrayNode aliases = output.putArray("Aliases");
        function.aliases().forEach((name, version) -> aliases.add(alias(function, name, version)));
        return output;
    }

    private JsonNode deleteAlias(DecodedCall call, Input input) {
        function(call, input).removeAlias(input.requiredString("Name"));
        return NODES.objectNode();
    }

    private static ObjectNode alias(LambdaFunction function, String name, String version) {
        ObjectNode json = NODES.objectNode();
        json.put("AliasArn", function.arn() + ":" + name);
        json.put("Name", name);
        json.put("FunctionVersion", version);
        json.put("Description", "");
        json.put("RevisionId", Integer.toHexString((function.arn() + name + version).hashCode()));
        return json;
    }
}
