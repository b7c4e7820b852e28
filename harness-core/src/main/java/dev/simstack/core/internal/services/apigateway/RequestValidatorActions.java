package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import java.util.Comparator;
import java.util.function.BiFunction;

/** CreateRequestValidator, GetRequestValidator, GetRequestValidators and DeleteRequestValidator. */
final class RequestValidatorActions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ControlPlane plane;

    RequestValidatorActions(ControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("CreateRequestValidator", this::create);
        operations.put("GetRequestValidator", (call, input) -> json(validator(plane.api(call, input), input)));
        operations.put("GetRequestValidators", this::list);
        operations.put("DeleteRequestValidator", this::delete);
    }

    private JsonNode create(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        RestApi.RequestValidator validator = new RestApi.RequestValidator(plane.regions().newId(), input.string("name"),
                Boolean.TRUE.equals(input.bool("validateRequestBody")),
                Boolean.TRUE.equals(input.bool("validateRequestParameters")));
        api.requestValidators().put(validator.id(), validator);
        return json(validator);
    }

    private JsonNode list(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        ArrayNode items = output.putArray("item");
        plane.api(call, input).requestValidators().values().stream()
                .sorted(Comparator.comparing(RestApi.RequestValidator::id)).forEach(v -> items.add(json(v)));
        return output;
    }

    private JsonNode delete(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        RestApi.RequestValidator validator = validator(api, input);
        boolean used = api.resources().all().stream().flatMap(r -> r.methods().values().stream())
                .anyMatch(m -> validator.id().equals(m.requestValidatorId()));
        if (used) {
            throw ControlPlane.conflict("Cannot delete request validator " + validator.id()
                    + ": methods still use it (set their requestValidatorId first)");
        }
        api.requestValidators().remove(validator.id());
        return NODES.objectNode();
    }

    private static RestApi.RequestValidator validator(RestApi api, Input input) {
        RestApi.RequestValidator validator = api.requestValidators().get(input.requiredString("requestvalidator_id"));
        if (validator == null) {
            throw ControlPlane.notFound("Invalid Request Validator identifier specified");
        }
        return validator;
    }

    private static ObjectNode json(RestApi.RequestValidator validator) {
        ObjectNode json = NODES.objectNode();
        json.put("id", validator.id());
        if (validator.name() != null) {
            json.put("name", validator.name());
        }
        json.put("validateRequestBody", validator.validateRequestBody());
        json.put("validateRequestParameters", validator.validateRequestParameters());
        return json;
    }
}
