package dev.simstack.core.apigateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

/** GetModelTemplate: the mapping template generated from a model's schema, field by field. */
class ModelTemplateTest {

    private static Stack stack;
    private static ApiGatewayClient apis;
    private String apiId;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(21).start();
        apis = ApiTestSupport.apiGateway(stack);
    }

    @AfterAll
    static void stop() {
        apis.close();
        stack.close();
    }

    @BeforeEach
    void api() {
        apiId = apis.createRestApi(b -> b.name("templates")).id();
    }

    private String template(String model) {
        return apis.getModelTemplate(b -> b.restApiId(apiId).modelName(model)).value();
    }

    private void model(String name, String schema) {
        apis.createModel(b -> b.restApiId(apiId).name(name).contentType("application/json").schema(schema));
    }

    @Test
    void the_error_model_template_copies_its_message() {
        assertThat(template("Error")).isEqualTo("""
                #set($inputRoot = $input.path('$'))
                {
                  "message" : "$inputRoot.message"
                }
                """);
    }

    @Test
    void strings_are_quoted_numbers_and_booleans_are_not_and_objects_recurse() {
        model("Pet", """
                {"type": "object", "properties": {"name": {"type": "string"}, "price": {"type": "number"},
                 "age": {"type": "integer"}, "sold": {"type": "boolean"},
                 "owner": {"type": "object", "properties": {"id": {"type": "string"}}}}}""");

        assertThat(template("Pet")).isEqualTo("""
                #set($inputRoot = $input.path('$'))
                {
                  "name" : "$inputRoot.name",
                  "price" : $inputRoot.price,
                  "age" : $inputRoot.age,
                  "sold" : $inputRoot.sold,
                  "owner" : {
                    "id" : "$inputRoot.owner.id"
                  }
                }
                """);
    }

    @Test
    void an_array_of_another_model_is_a_foreach_over_its_items() {
        model("Pet", """
                {"type": "object", "properties": {"id": {"type": "integer"}, "type": {"type": "string"}}}""");
        model("Pets", "{\"type\": \"array\", \"items\": {\"$ref\": "
                + "\"https://apigateway.amazonaws.com/restapis/" + apiId + "/models/Pet\"}}");

        assertThat(template("Pets")).isEqualTo("""
                #set($inputRoot = $input.path('$'))
                [
                #foreach($elem in $inputRoot)
                 {
                   "id" : $elem.id,
                   "type" : "$elem.type"
                 }#if($foreach.hasNext),#end
                #end
                ]
                """);
    }

    @Test
    void a_template_of_an_unknown_model_is_not_found() {
        assertThatThrownBy(() -> template("Missing")).isInstanceOf(NotFoundException.class)
                .hasMessageStartingWith("Invalid model name specified: Missing");
    }
}
