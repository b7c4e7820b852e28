package dev.simstack.core.internal.services.apigateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mapping templates render API Gateway's $input, $util, $context and $stageVariables, and nothing else. */
class MappingTemplatesTest {

    private final MappingTemplates templates = new MappingTemplates();
    private final MappingRequest request = new MappingRequest(Map.of("id", "42"), Map.of("sort", "asc"),
            Map.of("X-Tenant", "acme"), Map.of("requestId", "r-1", "stage", "prod", "httpMethod", "POST",
                    "resourcePath", "/orders/{id}", "identity", Map.of("sourceIp", "127.0.0.1")),
            Map.of("queue", "orders"));

    private String render(String template, String body) {
        return templates.render(template, body, request);
    }

    @Test
    void input_body_json_and_path_read_the_payload() {
        String body = "{\"order\":{\"id\":7,\"items\":[{\"sku\":\"a\"},{\"sku\":\"b\"}]},\"note\":\"x y\"}";

        assertThat(render("$input.body", body)).isEqualTo(body);
        assertThat(render("$input.json('$.order.items[1]')", body)).isEqualTo("{\"sku\":\"b\"}");
        assertThat(render("$input.json('$')", body)).isEqualTo(body);
        assertThat(render("$input.path('$.order.id')", body)).isEqualTo("7");
        assertThat(render("#foreach($i in $input.path('$.order.items'))$i.sku#end", body)).isEqualTo("ab");
        assertThat(render("$input.path('$').note", body)).isEqualTo("x y");
    }

    @Test
    void input_params_look_in_path_query_then_headers() {
        assertThat(render("$input.params('id') $input.params('sort') $input.params('X-Tenant') [$input.params('no')]",
                "")).isEqualTo("42 asc acme []");
        assertThat(render("$input.params().path.id $input.params().querystring.sort $input.params().header.get('X-Tenant')",
                "")).isEqualTo("42 asc acme");
    }

    @Test
    void util_functions_encode_escape_and_parse() {
        assertThat(render("$util.urlEncode('a b&c')", "")).isEqualTo("a+b%26c");
        assertThat(render("$util.urlDecode('a+b%26c')", "")).isEqualTo("a b&c");
        assertThat(render("$util.base64Encode('hi')|$util.base64Decode('aGk=')", "")).isEqualTo("aGk=|hi");
        assertThat(render("$util.escapeJavaScript($input.body)", "say \"it's\"\n")).isEqualTo("say \\\"it\\'s\\\"\\n");
        assertThat(render("#set($o = $util.parseJson($input.body))$o.a[1]", "{\"a\":[1,2]}")).isEqualTo("2");
    }

    @Test
    void context_and_stage_variables_are_there() {
        assertThat(render("$context.requestId $context.stage $context.httpMethod $context.resourcePath "
                + "$context.identity.sourceIp $stageVariables.queue", ""))
                .isEqualTo("r-1 prod POST /orders/{id} 127.0.0.1 orders");
    }

    @Test
    void templates_cannot_reach_classes() {
        assertThat(render("$input.getClass().forName('java.lang.Runtime')", "")).doesNotContain("java.lang.Runtime@")
                .isEqualTo("$input.getClass().forName('java.lang.Runtime')");
        assertThat(render("#set($l = $util.getClass().getClassLoader())[$l]", "")).isEqualTo("[$l]");
    }

    @Test
    void an_unsupported_json_path_fails_the_template_naming_the_path() {
        assertThatThrownBy(() -> render("$input.json('$..id')", "{}"))
                .isInstanceOf(MappingTemplates.TemplateException.class).hasMessageContaining("$..id");
    }
}
