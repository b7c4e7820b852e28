package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import java.util.function.BiFunction;

/**
 * TagResource, GetTags and UntagResource on an HTTP API ({@code arn:aws:apigateway:REGION::/apis/ID}) or one of
 * its stages ({@code .../apis/ID/stages/NAME}): the {@code tags} member GetApi and GetStage answer.
 */
final class HttpTagActions {

    private final HttpControlPlane plane;

    HttpTagActions(HttpControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put(HttpApiRoutes.PREFIX + "TagResource", (call, input) -> change(call, input, true));
        operations.put(HttpApiRoutes.PREFIX + "GetTags", this::getTags);
        operations.put(HttpApiRoutes.PREFIX + "UntagResource", (call, input) -> change(call, input, false));
    }

    private JsonNode getTags(DecodedCall call, Input input) {
        HttpApiDefinition definition = definition(call, input);
        synchronized (definition) {
            ObjectNode output = HttpControlPlane.NODES.objectNode();
            output.set("tags", tagged(definition, input).path("tags").deepCopy());
            return output;
        }
    }

    private JsonNode change(DecodedCall call, Input input, boolean tag) {
        HttpApiDefinition definition = definition(call, input);
        synchronized (definition) {
            ObjectNode tags = tagged(definition, input).with("tags");
            if (tag) {
                input.node().path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
            } else {
                input.node().path(RestMessage.QUERY).path("tagKeys").forEach(key -> tags.remove(key.asText()));
            }
        }
        return HttpControlPlane.NODES.objectNode();
    }

    /** The definition of the API the ARN names. */
    private HttpApiDefinition definition(DecodedCall call, Input input) {
        String[] path = path(input);
        RestApi api = plane.regions().region(call.region()).apis().get(path[1]);
        if (api == null || !api.http()) {
            throw ControlPlane.notFound("Invalid API identifier specified " + call.accountId() + ":" + path[1]);
        }
        return plane.definition(api, call.region());
    }

    /** The API's or the stage's members, which hold its tags. */
    private static ObjectNode tagged(HttpApiDefinition definition, Input input) {
        String[] path = path(input);
        return path.length == 2 ? definition.api()
                : HttpControlPlane.part(definition.stages(), path[3], "stage");
    }

    /** {@code [apis, ID]} or {@code [apis, ID, stages, NAME]} from the ARN's resource. */
    private static String[] path(Input input) {
        String arn = input.node().path("resource-arn").asText();
        int resource = arn.indexOf("::/");
        String[] path = resource < 0 ? new String[0] : arn.substring(resource + 3).split("/");
        boolean api = path.length == 2 && path[0].equals("apis");
        boolean stage = path.length == 4 && path[0].equals("apis") && path[2].equals("stages");
        if (!arn.startsWith("arn:aws:apigateway:") || !(api || stage)) {
            throw ControlPlane.badRequest("Invalid resource ARN specified: " + arn + "; SimStack tags HTTP APIs"
                    + " (arn:aws:apigateway:REGION::/apis/ID) and their stages (.../apis/ID/stages/NAME)");
        }
        return path;
    }
}
