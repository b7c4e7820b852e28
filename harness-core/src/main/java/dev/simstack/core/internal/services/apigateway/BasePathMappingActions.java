package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * apigateway's CreateBasePathMapping, GetBasePathMapping, GetBasePathMappings, UpdateBasePathMapping and
 * DeleteBasePathMapping: a domain name's API mappings as apigateway names them ({@code basePath},
 * {@code restApiId}, {@code stage}; {@code (none)} for the empty base path).
 */
final class BasePathMappingActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** UpdateBasePathMapping's patch paths (AWS spells the API's {@code /restapiId}). */
    private static final Map<String, String> PATCHABLE = Map.of("/basePath", "basePath", "/restapiId", "restApiId",
            "/stage", "stage");

    private final CustomDomains domains;

    BasePathMappingActions(CustomDomains domains) {
        this.domains = domains;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("CreateBasePathMapping", this::create);
        operations.put("GetBasePathMapping", (call, input) -> json(mapping(domain(call, input), input)));
        operations.put("GetBasePathMappings", this::list);
        operations.put("UpdateBasePathMapping", this::update);
        operations.put("DeleteBasePathMapping", this::delete);
    }

    private JsonNode create(DecodedCall call, Input input) {
        CustomDomain domain = domain(call, input);
        CustomDomain.ApiMapping mapping = new CustomDomain.ApiMapping(domains.plane().regions().newId(),
                input.string("restApiId"), key(input.string("basePath")), input.string("stage"));
        synchronized (domain) {
            domains.checkMapping(call.region(), call.accountId(), domain, mapping, null, true);
            domain.mappings().put(mapping.id(), mapping);
        }
        return json(mapping);
    }

    private JsonNode list(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        domain(call, input).mappings().values().stream().sorted(Comparator.comparing(CustomDomain.ApiMapping::key))
                .forEach(mapping -> items.add(json(mapping)));
        return output;
    }

    private JsonNode update(DecodedCall call, Input input) {
        CustomDomain domain = domain(call, input);
        synchronized (domain) {
            CustomDomain.ApiMapping mapping = mapping(domain, input);
            ObjectNode members = json(mapping);
            for (JsonNode operation : input.node().path("patchOperations")) {
                String path = operation.path("path").asText();
                String op = operation.path("op").asText();
                if (!PATCHABLE.containsKey(path) || !op.equals("replace")) {
                    throw ControlPlane.badRequest("Invalid patch operation specified: op '" + op + "' on path '"
                            + path + "'. Must be 'replace' on one of: " + new TreeSet<>(PATCHABLE.keySet()));
                }
                members.put(PATCHABLE.get(path), operation.path("value").asText(null));
            }
            CustomDomain.ApiMapping updated = new CustomDomain.ApiMapping(mapping.id(),
                    members.path("restApiId").asText(null), key(members.path("basePath").asText(null)),
                    members.path("stage").asText(null));
            domains.checkMapping(call.region(), call.accountId(), domain, updated, mapping.id(), true);
            domain.mappings().put(updated.id(), updated);
            return json(updated);
        }
    }

    private JsonNode delete(DecodedCall call, Input input) {
        CustomDomain domain = domain(call, input);
        domain.mappings().remove(mapping(domain, input).id());
        return NODES.objectNode();
    }

    private CustomDomain domain(DecodedCall call, Input input) {
        return domains.domain(call.region(), input.requiredString("domain_name"));
    }

    private static CustomDomain.ApiMapping mapping(CustomDomain domain, Input input) {
        CustomDomain.ApiMapping mapping = domain.mappingByKey(key(input.requiredString("base_path")));
        if (mapping == null) {
            throw ControlPlane.notFound("Invalid base path mapping identifier specified");
        }
        return mapping;
    }

    /** The mapping key of an apigateway base path: empty for none ({@code (none)}, empty or left out). */
    private static String key(String basePath) {
        return basePath == null || basePath.equals(CustomDomains.NO_BASE_PATH) ? "" : basePath;
    }

    static ObjectNode json(CustomDomain.ApiMapping mapping) {
        ObjectNode json = NODES.objectNode();
        json.put("basePath", mapping.basePath());
        json.put("restApiId", mapping.apiId());
        if (mapping.stage() != null) {
            json.put("stage", mapping.stage());
        }
        return json;
    }
}
