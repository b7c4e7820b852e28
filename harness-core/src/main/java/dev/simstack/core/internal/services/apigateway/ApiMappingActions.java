package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Comparator;
import java.util.function.BiFunction;

/**
 * apigatewayv2's CreateApiMapping, GetApiMapping, GetApiMappings, UpdateApiMapping and DeleteApiMapping: the same
 * mappings as apigateway's base path mappings, by id, to an HTTP or a REST API's stage.
 */
final class ApiMappingActions {

    private final CustomDomains domains;

    ApiMappingActions(CustomDomains domains) {
        this.domains = domains;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put(HttpApiRoutes.PREFIX + "CreateApiMapping", this::create);
        operations.put(HttpApiRoutes.PREFIX + "GetApiMapping", (call, input) -> json(mapping(domain(call, input),
                input)));
        operations.put(HttpApiRoutes.PREFIX + "GetApiMappings", this::list);
        operations.put(HttpApiRoutes.PREFIX + "UpdateApiMapping", this::update);
        operations.put(HttpApiRoutes.PREFIX + "DeleteApiMapping", this::delete);
    }

    private JsonNode create(DecodedCall call, Input input) {
        CustomDomain domain = domain(call, input);
        String key = input.string("apiMappingKey");
        CustomDomain.ApiMapping mapping = new CustomDomain.ApiMapping(domains.plane().regions().newId(),
                input.string("apiId"), key == null ? "" : key, input.string("stage"));
        synchronized (domain) {
            domains.checkMapping(call.region(), call.accountId(), domain, mapping, null, false);
            domain.mappings().put(mapping.id(), mapping);
        }
        return json(mapping);
    }

    private JsonNode list(DecodedCall call, Input input) {
        ObjectNode output = HttpControlPlane.NODES.objectNode();
        ArrayNode items = output.putArray("items");
        domain(call, input).mappings().values().stream().sorted(Comparator.comparing(CustomDomain.ApiMapping::key))
                .forEach(mapping -> items.add(json(mapping)));
        return output;
    }

    /** UpdateApiMapping: the members given replace the mapping's. */
    private JsonNode update(DecodedCall call, Input input) {
        CustomDomain domain = domain(call, input);
        synchronized (domain) {
            CustomDomain.ApiMapping mapping = mapping(domain, input);
            CustomDomain.ApiMapping updated = new CustomDomain.ApiMapping(mapping.id(),
                    or(input.string("apiId"), mapping.apiId()), or(input.string("apiMappingKey"), mapping.key()),
                    or(input.string("stage"), mapping.stage()));
            domains.checkMapping(call.region(), call.accountId(), domain, updated, mapping.id(), false);
            domain.mappings().put(updated.id(), updated);
            return json(updated);
        }
    }

    private JsonNode delete(DecodedCall call, Input input) {
        CustomDomain domain = domain(call, input);
        domain.mappings().remove(mapping(domain, input).id());
        return HttpControlPlane.NODES.objectNode();
    }

    private CustomDomain domain(DecodedCall call, Input input) {
        return domains.domain(call.region(), input.requiredString("domainName"));
    }

    private static CustomDomain.ApiMapping mapping(CustomDomain domain, Input input) {
        CustomDomain.ApiMapping mapping = domain.mappings().get(input.requiredString("apiMappingId"));
        if (mapping == null) {
            throw HttpControlPlane.notFound("ApiMapping");
        }
        return mapping;
    }

    private static String or(String given, String current) {
        return given == null ? current : given;
    }

    static ObjectNode json(CustomDomain.ApiMapping mapping) {
        ObjectNode json = HttpControlPlane.NODES.objectNode();
        json.put("apiId", mapping.apiId());
        json.put("apiMappingId", mapping.id());
        json.put("apiMappingKey", mapping.key());
        if (mapping.stage() != null) {
            json.put("stage", mapping.stage());
        }
        return json;
    }
}
