package dev.simstack.core.internal.services.apigateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.protocol.restjson.RestMessage;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * ImportRestApi (a new API from an OpenAPI definition), PutRestApi (an existing API updated from one, {@code mode}
 * {@code merge} by default or {@code overwrite}) and GetExport (a stage's API as {@code oas30} or {@code swagger},
 * JSON or YAML by {@code Accept}, with {@code extensions=integrations}, {@code authorizers} or {@code apigateway} for
 * API Gateway's: SimStack writes all of its extensions for any of the three).
 */
final class ImportExportActions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ControlPlane plane;

    ImportExportActions(ControlPlane plane) {
        this.plane = plane;
    }

    void register(OperationTable<BiFunction<DecodedCall, Input, JsonNode>> operations) {
        operations.put("ImportRestApi", this::importRestApi);
        operations.put("PutRestApi", this::putRestApi);
        operations.put("GetExport", this::getExport);
    }

    private JsonNode importRestApi(DecodedCall call, Input input) {
        OpenApiDocument document = OpenApiDocument.read(RestMessage.body(input.node()));
        ApiRegions regions = plane.regions();
        RestApi api = new RestApi(regions.newId(), "imported", false, plane.now(), regions.newId());
        new OpenApiImport(plane, document, api, call.region()).apply(true);
        regions.add(regions.region(call.region()), api);
        return RestApiActions.restApiJson(api);
    }

    private JsonNode putRestApi(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        String mode = input.string("mode") == null ? "merge" : input.string("mode");
        if (!mode.equals("merge") && !mode.equals("overwrite")) {
            throw ControlPlane.badRequest("Invalid mode specified: " + mode + ". Must be one of [merge, overwrite]");
        }
        OpenApiDocument document = OpenApiDocument.read(RestMessage.body(input.node()));
        new OpenApiImport(plane, document, api, call.region()).apply(mode.equals("overwrite"));
        return RestApiActions.restApiJson(api);
    }

    private JsonNode getExport(DecodedCall call, Input input) {
        RestApi api = plane.api(call, input);
        RestApi.Stage stage = DeploymentActions.stage(api, input);
        String type = input.requiredString("export_type");
        if (!type.equals("oas30") && !type.equals("swagger")) {
            throw ControlPlane.badRequest("Invalid export type specified: " + type
                    + " (SimStack exports oas30 and swagger)");
        }
        String extensions = input.string("extensions");
        boolean withExtensions = extensions != null
                && (extensions.contains("integrations") || extensions.contains("authorizers")
                || extensions.contains("apigateway"));
        JsonNode definition = new OpenApiExport(api, type.equals("swagger"), withExtensions)
                .definition(stage, call.region());
        String accept = RestMessage.header(input.node(), "Accept");
        boolean yaml = accept != null && accept.contains("yaml");
        try {
            byte[] body = yaml ? YAML.writeValueAsBytes(definition)
                    : JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(definition);
            String file = api.id() + "-" + stage.name() + "-" + type + (yaml ? ".yaml" : ".json");
            return RestMessage.answer(200, yaml ? "application/yaml" : "application/json",
                    Map.of("Content-Disposition", "attachment; filename=\"" + file + "\""), body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an export could not be written: " + e.getMessage(), e);
        }
    }
}
